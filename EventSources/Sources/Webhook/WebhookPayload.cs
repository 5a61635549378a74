using System.Buffers;
using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// Argo's webhook event data: <c>{"header":{...},"body":&lt;json&gt;,"metadata":{...}}</c>, headers under Go's
/// canonical names with their values as lists, metadata left out when empty.
/// </summary>
internal static class WebhookPayload
{
    public static byte[] Build(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> headers, ReadOnlySpan<byte> bodyJson, IReadOnlyDictionary<string, string>? metadata)
    {
        var output = new ArrayBufferWriter<byte>(bodyJson.Length + 512);
        GoJson.WriteRaw(output, "{\"header\":"u8);
        GoJson.WriteStringListMap(output, headers);
        GoJson.WriteRaw(output, ",\"body\":"u8);
        GoJson.WriteCompactedRaw(output, bodyJson);
        GoJson.WriteMetadataField(output, metadata);

        GoJson.WriteRaw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }
}
