using System.Text;
using System.Text.Json;
using ArgoEvents.Sensors.Events;

namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// The event data as the JSON <c>dataKey</c> and <c>dataTemplate</c> read (Argo's <c>renderEventDataAsJSON</c>):
/// <c>application/json</c> data must be valid JSON, <c>application/yaml</c> data is converted to JSON, and any other
/// content type is an error.
/// </summary>
internal static class EventDataJson
{
    /// <summary>Argo's <c>MediaTypeJSON</c>.</summary>
    public const string JsonMediaType = "application/json";

    /// <summary>Argo's <c>MediaTypeYAML</c>.</summary>
    public const string YamlMediaType = "application/yaml";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 1000 };

    /// <summary>Parses the data of <paramref name="sensorEvent"/>; on failure <paramref name="error"/> is Argo's message.</summary>
    public static JsonDocument? TryParse(SensorEvent sensorEvent, out string? error)
    {
        error = null;
        var contentType = sensorEvent.Context.DataContentType;
        if (string.Equals(contentType, JsonMediaType, StringComparison.Ordinal))
        {
            try
            {
                return JsonDocument.Parse(sensorEvent.Data, DocumentOptions);
            }
            catch (JsonException)
            {
                error = "event data is not valid JSON";
                return null;
            }
        }

        if (string.Equals(contentType, YamlMediaType, StringComparison.Ordinal))
        {
            var json = YamlDataJson.TryConvert(Encoding.UTF8.GetString(sensorEvent.Data.Span), out error);
            return json is null ? null : JsonDocument.Parse(json, DocumentOptions);
        }

        error = $"unsupported event content type: {contentType}";
        return null;
    }
}
