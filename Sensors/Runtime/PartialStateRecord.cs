using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.Sensors.Events;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// A dependency event a trigger holds while its conditions are not yet met: the value of key
/// <c>&lt;trigger&gt;/&lt;dependency&gt;</c> in the sensor's bucket, in Argo's <c>MsgInfo</c> JSON shape
/// (<c>StreamSeq</c>, <c>ConsumerSeq</c>, <c>Timestamp</c>, <c>Event</c> as a structured CloudEvent).
/// </summary>
/// <param name="StreamSequence">The bus message's stream sequence.</param>
/// <param name="ConsumerSequence">The bus message's consumer sequence.</param>
/// <param name="Timestamp">When the bus stored the message; conditions resets compare against it.</param>
/// <param name="Event">The event after its dependency's transform.</param>
internal sealed record PartialStateRecord(ulong StreamSequence, ulong ConsumerSequence, DateTimeOffset Timestamp, SensorEvent Event)
{
    /// <summary>The record as Argo writes it.</summary>
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(512 + Event.Data.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("StreamSeq", StreamSequence);
            writer.WriteNumber("ConsumerSeq", ConsumerSequence);
            writer.WriteString("Timestamp", Timestamp.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            writer.WritePropertyName("Event");
            writer.WriteRawValue(CloudEventJsonFormat.Serialize(Event.ToCloudEvent()), skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a record Argo or this runtime wrote.</summary>
    /// <exception cref="FormatException">The value is not a MsgInfo record; the message says what is wrong.</exception>
    public static PartialStateRecord Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the value is not a JSON object");
            }

            var streamSeq = root.TryGetProperty("StreamSeq", out var s) ? s.GetUInt64() : 0;
            var consumerSeq = root.TryGetProperty("ConsumerSeq", out var c) ? c.GetUInt64() : 0;
            var timestamp = root.TryGetProperty("Timestamp", out var t) && t.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(t.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : throw new FormatException("Timestamp is missing");
            if (!root.TryGetProperty("Event", out var e) || e.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Event is missing");
            }

            var cloudEvent = CloudEventJsonFormat.Parse(JsonSerializer.SerializeToUtf8Bytes(e));
            return new PartialStateRecord(streamSeq, consumerSeq, timestamp, SensorEvent.FromCloudEvent(cloudEvent));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or CloudEventValidationException)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
