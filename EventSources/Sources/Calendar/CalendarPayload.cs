using System.Buffers;
using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>Argo's calendar event data: <c>{"eventTime":"&lt;Go time&gt;","metadata":{...}}</c>, metadata left out when empty.</summary>
internal static class CalendarPayload
{
    public static byte[] Build(string eventTime, IReadOnlyDictionary<string, string> metadata)
    {
        var output = new ArrayBufferWriter<byte>(128);
        Write(output, "{\"eventTime\":"u8);
        GoJson.WriteString(output, eventTime);
        if (metadata.Count > 0)
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
