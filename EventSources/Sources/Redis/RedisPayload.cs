using System.Buffers;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;

namespace ArgoEvents.EventSources.Sources.Redis;

/// <summary>
/// Argo's Redis event data: <c>{"channel","pattern","body","metadata"}</c>. The body is the message as a string, or
/// with <c>jsonBody</c> the message embedded as JSON (a message that is not JSON cannot be written, so it is dropped,
/// as Go's marshaller fails on it). Argo subscribes with SUBSCRIBE, so <c>pattern</c> is always empty; metadata is
/// left out when empty.
/// </summary>
internal static class RedisPayload
{

    /// <summary>The payload, or null when <paramref name="jsonBody"/> is set and the body is not valid JSON.</summary>
    public static byte[]? TryBuild(string channel, string? pattern, ReadOnlySpan<byte> body, bool jsonBody, IReadOnlyDictionary<string, string> metadata)
    {
        if (jsonBody && !JsonText.IsValid(body, JsonText.GoMaxDepth))
        {
            return null;
        }

        var output = new ArrayBufferWriter<byte>(body.Length + 128);
        GoJson.WriteRaw(output, "{\"channel\":"u8);
        GoJson.WriteString(output, channel);
        GoJson.WriteRaw(output, ",\"pattern\":"u8);
        GoJson.WriteString(output, pattern ?? string.Empty);
        GoJson.WriteRaw(output, ",\"body\":"u8);
        if (jsonBody)
        {
            GoJson.WriteCompactedRaw(output, body);
        }
        else
        {
            // Go turns the payload into a string, replacing invalid UTF-8 with U+FFFD when it writes it.
            GoJson.WriteString(output, Encoding.UTF8.GetString(body));
        }

        GoJson.WriteMetadataField(output, metadata);

        GoJson.WriteRaw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }
}
