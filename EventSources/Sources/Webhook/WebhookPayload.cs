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
        Write(output, "{\"header\":"u8);
        GoJson.WriteStringListMap(output, headers);
        Write(output, ",\"body\":"u8);
        GoJson.WriteCompactedRaw(output, bodyJson);
        if (metadata is { Count: > 0 })
        {
            Write(output, ",\"metadata\":"u8);
            GoJson.WriteStringMap(output, metadata);
        }

        Write(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
