using System.Buffers;
using System.Text.Json;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;

namespace ArgoEvents.EventSources.Sources.Nats;

/// <summary>
/// Argo's NATS event data: <c>{"subject","body","header","metadata"}</c>. With <c>jsonBody</c> the message is embedded
/// as JSON (and a message that is not JSON cannot be written, so it is dropped, as Go's marshaller fails on it);
/// without, the body is a Go <c>[]byte</c> and so a base64 string. Headers are a map of value lists; header and
/// metadata are left out when empty.
/// </summary>
internal static class NatsPayload
{

    /// <summary>The payload, or null when <paramref name="jsonBody"/> is set and the body is not valid JSON.</summary>
    public static byte[]? TryBuild(string subject, ReadOnlySpan<byte> body, NatsHeaders? headers, bool jsonBody, IReadOnlyDictionary<string, string> metadata)
    {
        if (jsonBody && !JsonText.IsValid(body, JsonText.GoMaxDepth))
        {
            return null;
        }

        var output = new ArrayBufferWriter<byte>(body.Length + 256);
        GoJson.WriteRaw(output, "{\"subject\":"u8);
        GoJson.WriteString(output, subject);
        GoJson.WriteRaw(output, ",\"body\":"u8);
        GoJson.WriteBody(output, body, jsonBody);

        if (headers is { Count: > 0 })
        {
            GoJson.WriteRaw(output, ",\"header\":"u8);
            GoJson.WriteStringListMap(output, Group(headers));
        }

        GoJson.WriteMetadataField(output, metadata);

        GoJson.WriteRaw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }

    private static IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Group(NatsHeaders headers)
    {
        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            if (!grouped.TryGetValue(name, out var values))
            {
                grouped[name] = values = [];
            }

            values.Add(value);
        }

        return grouped.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Key, e.Value));
    }
}
