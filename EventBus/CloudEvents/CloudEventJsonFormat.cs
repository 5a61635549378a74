using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// The CloudEvents JSON event format (structured mode), byte-compatible with what Argo Events
/// (cloudevents sdk-go v2) puts on the event bus: specversion, id, source, type, subject,
/// datacontenttype, dataschema, time, data, then extension attributes ordered by name; no whitespace;
/// time in UTC as RFC3339Nano.
/// </summary>
public static class CloudEventJsonFormat
{
    /// <summary>The media type of a structured-mode JSON CloudEvent.</summary>
    public const string MediaType = "application/cloudevents+json";

    // Event payloads are arbitrary JSON; the default of 64 levels would refuse some real documents.
    internal const int MaxDepth = 1000;

    internal static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    // Like Go's encoder (HTML escaping off), "<", ">", "&", "'" and non-ASCII text stay as they are.
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxDepth,
    };

    /// <summary>Validates the event and writes it as JSON to <paramref name="output"/>.</summary>
    /// <param name="cloudEvent">The event.</param>
    /// <param name="output">Where the UTF-8 JSON goes; nothing is written when validation fails.</param>
    /// <exception cref="CloudEventValidationException">The event is invalid, or its JSON data is not valid JSON.</exception>
    public static void Serialize(CloudEvent cloudEvent, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        ArgumentNullException.ThrowIfNull(output);
        CloudEventJsonWriter.Write(cloudEvent, output);
    }

    /// <summary>Validates the event and returns it as UTF-8 JSON.</summary>
    /// <param name="cloudEvent">The event.</param>
    /// <returns>The JSON bytes.</returns>
    /// <exception cref="CloudEventValidationException">The event is invalid, or its JSON data is not valid JSON.</exception>
    public static byte[] Serialize(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        return CloudEventJsonWriter.WriteToArray(cloudEvent);
    }

    /// <summary>
    /// Reads a JSON CloudEvent. For JSON content types the event's data is a slice of
    /// <paramref name="json"/> (no copy): do not reuse that memory while the event is in use.
    /// </summary>
    /// <param name="json">One JSON object in UTF-8.</param>
    /// <returns>The validated event.</returns>
    /// <exception cref="CloudEventValidationException">
    /// The input is not a valid JSON CloudEvent; the exception names the member at fault and, for
    /// JSON syntax errors, the byte position.
    /// </exception>
    public static CloudEvent Parse(ReadOnlyMemory<byte> json) => CloudEventJsonReader.Read(json);
}
