using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>Reads the <c>Status</c> object the API server answers a refused request with.</summary>
internal static class KubernetesStatus
{
    /// <summary><c>message (reason Conflict, code 409)</c> from a Status body, or the start of whatever else came back.</summary>
    public static string Describe(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject status && Text(status, "message") is { } message)
            {
                var reason = Text(status, "reason");
                var code = status["code"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : (int?)null;
                var details = (reason, code) switch
                {
                    (not null, not null) => $" (reason {reason}, code {code})",
                    (not null, null) => $" (reason {reason})",
                    (null, not null) => $" (code {code})",
                    _ => string.Empty,
                };
                return message + details;
            }
        }
        catch (JsonException)
        {
            // Not JSON; quoted as it is below.
        }

        return body.Length <= 200 ? body : body[..200] + "...";
    }

    private static string? Text(JsonObject status, string key) =>
        status[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
