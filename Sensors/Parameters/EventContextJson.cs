using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArgoEvents.Sensors.Events;

namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// An event context as Go's <c>json.Marshal</c> writes Argo's <c>EventContext</c>: id, source, specversion, type,
/// datacontenttype, subject and time (RFC 3339, whole seconds, UTC). <c>contextKey</c> and <c>contextTemplate</c> read it.
/// </summary>
internal static class EventContextJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON of <paramref name="context"/>.</summary>
    public static byte[] Serialize(SensorEventContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", context.Id);
            writer.WriteString("source", context.Source);
            writer.WriteString("specversion", context.SpecVersion);
            writer.WriteString("type", context.Type);
            writer.WriteString("datacontenttype", context.DataContentType);
            writer.WriteString("subject", context.Subject);
            writer.WriteString("time", context.Time.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
