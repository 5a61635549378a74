using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>Reads and writes the fields of an untyped Kubernetes object that the triggers need.</summary>
internal static class KubernetesObject
{
    /// <summary>Parses the trigger's object.</summary>
    /// <exception cref="TriggerExecutionException">The JSON is not an object.</exception>
    public static JsonObject Parse(byte[] json, string origin)
    {
        try
        {
            if (JsonNode.Parse(json) is JsonObject resource)
            {
                return resource;
            }
        }
        catch (JsonException e)
        {
            throw new TriggerExecutionException($"{origin} is not a JSON object: {e.Message}", e);
        }

        throw new TriggerExecutionException($"{origin} is not a Kubernetes object (a JSON object with apiVersion, kind and metadata).");
    }

    /// <summary>A top-level string field, or null when missing, empty or not a string.</summary>
    public static string? Text(JsonObject resource, string key) => TextOf(resource[key]);

    /// <summary>A string field of <c>metadata</c>, or null.</summary>
    public static string? Metadata(JsonObject resource, string key) =>
        resource["metadata"] is JsonObject metadata ? TextOf(metadata[key]) : null;

    /// <summary>Sets, or with null removes, a string field of <c>metadata</c>.</summary>
    public static void SetMetadata(JsonObject resource, string key, string? value)
    {
        var metadata = MetadataOf(resource);
        if (value is null)
        {
            metadata.Remove(key);
        }
        else
        {
            metadata[key] = value;
        }
    }

    /// <summary>Adds labels to the object, replacing labels of the same keys.</summary>
    public static void AddLabels(JsonObject resource, IEnumerable<KeyValuePair<string, string>> labels)
    {
        var metadata = MetadataOf(resource);
        if (metadata["labels"] is not JsonObject existing)
        {
            existing = [];
            metadata["labels"] = existing;
        }

        foreach (var (key, value) in labels)
        {
            existing[key] = value;
        }
    }

    /// <summary>The labels Argo puts on what a trigger creates: sensor, trigger, and the time in Unix milliseconds.</summary>
    public static IEnumerable<KeyValuePair<string, string>> TriggerLabels(string sensorName, string? triggerName, TimeProvider time) =>
    [
        new("events.argoproj.io/sensor", sensorName),
        new("events.argoproj.io/trigger", triggerName ?? string.Empty),
        new("events.argoproj.io/action-timestamp", time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static JsonObject MetadataOf(JsonObject resource)
    {
        if (resource["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            resource["metadata"] = metadata;
        }

        return metadata;
    }

    private static string? TextOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;
}
