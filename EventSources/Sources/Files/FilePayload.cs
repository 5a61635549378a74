using System.Buffers;
using System.Globalization;
using System.Text;
using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>
/// Argo's file event data (<c>fsevent.Event</c>): <c>{"name":"…","op":1,"metadata":{…}}</c>. Its metadata field has
/// no omitempty, so an event without metadata carries <c>"metadata":null</c>, as Go writes a nil map.
/// </summary>
internal static class FilePayload
{
    public static byte[] Build(string name, FileOp op, IReadOnlyDictionary<string, string> metadata)
    {
        var output = new ArrayBufferWriter<byte>(128);
        GoJson.WriteRaw(output, "{\"name\":"u8);
        GoJson.WriteString(output, name);
        GoJson.WriteRaw(output, ",\"op\":"u8);
        GoJson.WriteRaw(output, Encoding.ASCII.GetBytes(((uint)op).ToString(CultureInfo.InvariantCulture)));
        GoJson.WriteRaw(output, ",\"metadata\":"u8);
        if (metadata.Count > 0)
        {
            GoJson.WriteStringMap(output, metadata);
        }
        else
        {
            GoJson.WriteRaw(output, "null"u8);
        }

        GoJson.WriteRaw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }
}
