using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>
/// How Argo's <c>update</c> folds the trigger's object into the live one before replacing it (mergo with override):
/// nested objects merge key by key, any other value of the trigger's object replaces the live value, and "empty"
/// values of the trigger's object (null, <c>""</c>, <c>0</c>, <c>false</c>, <c>[]</c>, <c>{}</c>) leave the live
/// value alone. Fields only the live object has, such as <c>metadata.resourceVersion</c>, are kept.
/// </summary>
internal static class LiveObjectMerge
{
    /// <summary>Merges <paramref name="desired"/> into <paramref name="live"/> in place.</summary>
    public static void Into(JsonObject live, JsonObject desired)
    {
        foreach (var (key, value) in desired.ToList())
        {
            if (IsEmpty(value))
            {
                continue;
            }

            if (value is JsonObject desiredChild && live[key] is JsonObject liveChild)
            {
                Into(liveChild, desiredChild);
                continue;
            }

            live[key] = value!.DeepClone();
        }
    }

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>().Length == 0,
            JsonValueKind.False or JsonValueKind.Null => true,
            JsonValueKind.Number => v.ToJsonString() is var text && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && number == 0,
            _ => false,
        },
        _ => false,
    };
}
