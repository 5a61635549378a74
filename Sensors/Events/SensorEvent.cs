using System.Globalization;
using System.Text.Json;
using ArgoEvents.EventBus.CloudEvents;

namespace ArgoEvents.Sensors.Events;

/// <summary>
/// One event a dependency received: Argo's <c>v1alpha1.Event</c>, its context attributes and its data bytes. This is what
/// filters, conditions, parameters and triggers see.
/// </summary>
public sealed class SensorEvent
{
    /// <summary>Creates an event from its context and data (empty = no data).</summary>
    public SensorEvent(SensorEventContext context, ReadOnlyMemory<byte> data)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        Data = data;
    }

    /// <summary>The CloudEvent attributes.</summary>
    public SensorEventContext Context { get; }

    /// <summary>The event's data, as it travelled on the bus (JSON for every EventSource type Argo has).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Whether <see cref="Data"/> is known to be well-formed JSON (read as a JSON value, or written by a transform).</summary>
    public bool DataIsWellFormedJson { get; init; }

    /// <summary>The event a bus CloudEvent carries, as Argo's <c>convertEvent</c> makes it.</summary>
    public static SensorEvent FromCloudEvent(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var context = new SensorEventContext(
            cloudEvent.Id,
            cloudEvent.Source,
            cloudEvent.SpecVersion,
            cloudEvent.Type,
            cloudEvent.DataContentType ?? string.Empty,
            cloudEvent.Subject ?? string.Empty,
            cloudEvent.Time ?? DateTimeOffset.MinValue);
        return new SensorEvent(context, cloudEvent.HasData ? cloudEvent.Data : ReadOnlyMemory<byte>.Empty) { DataIsWellFormedJson = cloudEvent.DataIsReadJson };
    }

    /// <summary>The event as a structured CloudEvent again (what Argo keeps in a sensor's partial state).</summary>
    public CloudEvent ToCloudEvent()
    {
        var cloudEvent = new CloudEvent(Context.Id, Context.Source, Context.Type)
        {
            Subject = Context.Subject.Length == 0 ? null : Context.Subject,
            DataContentType = Context.DataContentType.Length == 0 ? null : Context.DataContentType,
            Time = Context.Time == DateTimeOffset.MinValue ? null : Context.Time,
        };
        if (!Data.IsEmpty)
        {
            cloudEvent.SetData(Data);
        }

        return cloudEvent;
    }

    /// <summary>
    /// Writes the event as Go's <c>json.Marshal</c> writes a <c>v1alpha1.Event</c>: <c>{"context":{...},"data":"&lt;base64&gt;"}</c>
    /// with the time in whole seconds (<c>metav1.Time</c>). This is the value of a parameter that names no key.
    /// </summary>
    public void WriteArgoJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartObject("context");
        writer.WriteString("id", Context.Id);
        writer.WriteString("source", Context.Source);
        writer.WriteString("specversion", Context.SpecVersion);
        writer.WriteString("type", Context.Type);
        writer.WriteString("datacontenttype", Context.DataContentType);
        writer.WriteString("subject", Context.Subject);
        writer.WriteString("time", FormatMetaTime(Context.Time));
        writer.WriteEndObject();
        if (Data.IsEmpty)
        {
            writer.WriteNull("data");
        }
        else
        {
            writer.WriteBase64String("data", Data.Span);
        }

        writer.WriteEndObject();
    }

    /// <summary>The event as Argo's JSON (<see cref="WriteArgoJson"/>), UTF-8 encoded.</summary>
    public byte[] ToArgoJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256 + (Data.Length * 4 / 3));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteArgoJson(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // metav1.Time marshals RFC 3339 in whole seconds, UTC; the zero time marshals as null, which Argo never sends for a bus event.
    private static string FormatMetaTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
