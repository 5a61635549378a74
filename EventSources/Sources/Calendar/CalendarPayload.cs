using System.Buffers;
using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>Argo's calendar event data: <c>{"eventTime":"&lt;Go time&gt;","metadata":{...}}</c>, metadata left out when empty.</summary>
internal static class CalendarPayload
{
    public static byte[] Build(string eventTime, IReadOnlyDictionary<string, string> metadata)
    {
        var output = new ArrayBufferWriter<byte>(128);
        GoJson.WriteRaw(output, "{\"eventTime\":"u8);
        GoJson.WriteString(output, eventTime);
        GoJson.WriteMetadataField(output, metadata);

        GoJson.WriteRaw(output, "}"u8);
        return output.WrittenSpan.ToArray();
    }
}
