using System.Buffers;
using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// The event data of the git-host sources (github, gitlab, bitbucket, bitbucketserver):
/// <c>{"headers":{...},"body":&lt;json&gt;,"metadata":{...}}</c> as Go writes Argo's structs: headers under Go's
/// canonical names with every value, the body compacted, metadata left out when empty.
/// </summary>
internal static class HeadersPayload
{
    public static byte[] Build(
        IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> headers,
        ReadOnlySpan<byte> bodyJson,
        IReadOnlyDictionary<string, string>? metadata)
    {
        var output = new ArrayBufferWriter<byte>(bodyJson.Length + 1024);
        GoJsonWriter.Raw(output, "{\"headers\":"u8);
        GoJson.WriteStringListMap(output, headers);
        GoJsonWriter.Raw(output, ",\"body\":"u8);
        GoJson.WriteCompactedRaw(output, bodyJson);
        GoJsonWriter.Metadata(output, metadata);
        GoJsonWriter.Raw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }
}
