using System.Buffers;
using System.Text;
using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Sources.RedisStream;

/// <summary>
/// Argo's Redis stream event data: <c>{"stream","message_id","values","metadata"}</c>, where <c>values</c> is the
/// entry's fields as a map of strings (keys sorted as Go writes maps; a field repeated in the entry keeps its last
/// value) and metadata is left out when empty.
/// </summary>
internal static class RedisStreamPayload
{
    /// <summary>The payload of <paramref name="entry"/> read from <paramref name="stream"/>.</summary>
    public static byte[] Build(string stream, RedisStreamEntry entry, IReadOnlyDictionary<string, string> metadata)
    {
        var values = new Dictionary<string, string>(entry.Fields.Count, StringComparer.Ordinal);
        foreach (var field in entry.Fields)
        {
            values[Encoding.UTF8.GetString(field.Name.Span)] = Encoding.UTF8.GetString(field.Value.Span);
        }

        var output = new ArrayBufferWriter<byte>(256);
        GoJson.WriteRaw(output, "{\"stream\":"u8);
        GoJson.WriteString(output, stream);
        GoJson.WriteRaw(output, ",\"message_id\":"u8);
        GoJson.WriteString(output, entry.Id);
        GoJson.WriteRaw(output, ",\"values\":"u8);
        GoJson.WriteStringMap(output, values);
        GoJson.WriteMetadataField(output, metadata);

        GoJson.WriteRaw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }
}
