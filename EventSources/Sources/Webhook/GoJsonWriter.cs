using System.Buffers;
using System.Globalization;
using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>Small writing steps the Go-shaped payload builders share.</summary>
internal static class GoJsonWriter
{
    /// <summary>Copies bytes as they are.</summary>
    public static void Raw(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    /// <summary>Writes an integer as Go does.</summary>
    public static void Integer(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public static void Boolean(IBufferWriter<byte> output, bool value) => Raw(output, value ? "true"u8 : "false"u8);

    /// <summary>Writes <c>"name":"value"</c>, with a leading comma unless <paramref name="first"/>.</summary>
    public static void StringField(IBufferWriter<byte> output, ReadOnlySpan<byte> name, string value, bool first = false)
    {
        if (!first)
        {
            Raw(output, ","u8);
        }

        Raw(output, "\""u8);
        Raw(output, name);
        Raw(output, "\":"u8);
        GoJson.WriteString(output, value);
    }

    /// <summary>Writes Argo's <c>,"metadata":{...}</c> member (<c>omitempty</c>: nothing when there is none).</summary>
    public static void Metadata(IBufferWriter<byte> output, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is { Count: > 0 })
        {
            Raw(output, ",\"metadata\":"u8);
            GoJson.WriteStringMap(output, metadata);
        }
    }
}
