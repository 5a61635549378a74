using System.Buffers;
using System.Text;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>
/// JSON written the way Go's encoding/json writes it, so payloads match what Argo's own EventSources put on the
/// bus: map keys sorted by byte order, strings with Go's escapes (including the HTML-safe \u003c, \u003e, \u0026
/// and U+2028/U+2029), and embedded raw JSON compacted with the same escapes.
/// </summary>
internal static class GoJson
{
    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    /// <summary>Writes bytes that are already JSON text (a literal name, a punctuation mark).</summary>
    public static void WriteRaw(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    /// <summary>
    /// Writes a message body as Argo's queue sources carry it: with <paramref name="jsonBody"/> the validated JSON
    /// itself (Go's json.RawMessage), otherwise Go's []byte, which encoding/json writes as a base64 string.
    /// </summary>
    public static void WriteBody(IBufferWriter<byte> output, ReadOnlySpan<byte> body, bool jsonBody)
    {
        if (jsonBody)
        {
            WriteCompactedRaw(output, body);
            return;
        }

        WriteRaw(output, "\""u8);
        WriteRaw(output, Encoding.ASCII.GetBytes(Convert.ToBase64String(body)));
        WriteRaw(output, "\""u8);
    }

    /// <summary>Writes <c>,"metadata":{...}</c>, or nothing when <paramref name="metadata"/> is empty (Go's omitempty).</summary>
    public static void WriteMetadataField(IBufferWriter<byte> output, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is { Count: > 0 })
        {
            WriteRaw(output, ",\"metadata\":"u8);
            WriteStringMap(output, metadata);
        }
    }

    /// <summary>Writes a JSON string.</summary>
    public static void WriteString(IBufferWriter<byte> output, string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        WriteStringUtf8(output, utf8);
    }

    /// <summary>Writes a JSON object of string arrays, keys sorted (Go's map[string][]string).</summary>
    public static void WriteStringListMap(IBufferWriter<byte> output, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> map)
    {
        Put(output, (byte)'{');
        var first = true;
        foreach (var (key, values) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                Put(output, (byte)',');
            }

            first = false;
            WriteString(output, key);
            Put(output, (byte)':');
            Put(output, (byte)'[');
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0)
                {
                    Put(output, (byte)',');
                }

                WriteString(output, values[i]);
            }

            Put(output, (byte)']');
        }

        Put(output, (byte)'}');
    }

    /// <summary>Writes a JSON object of strings, keys sorted (Go's map[string]string).</summary>
    public static void WriteStringMap(IBufferWriter<byte> output, IEnumerable<KeyValuePair<string, string>> map)
    {
        Put(output, (byte)'{');
        var first = true;
        foreach (var (key, value) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                Put(output, (byte)',');
            }

            first = false;
            WriteString(output, key);
            Put(output, (byte)':');
            WriteString(output, value);
        }

        Put(output, (byte)'}');
    }

    /// <summary>
    /// Writes valid JSON <paramref name="json"/> compacted (insignificant white space removed) with Go's string
    /// escapes applied, as Go does when it marshals a json.RawMessage. The input must already be validated.
    /// </summary>
    public static void WriteCompactedRaw(IBufferWriter<byte> output, ReadOnlySpan<byte> json)
    {
        var inString = false;
        var span = output.GetSpan(json.Length + 16);
        var n = 0;
        for (var i = 0; i < json.Length; i++)
        {
            if (span.Length - n < 8)
            {
                output.Advance(n);
                span = output.GetSpan(json.Length - i + 16);
                n = 0;
            }

            var b = json[i];
            if (!inString)
            {
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                {
                    continue;
                }

                inString = b == (byte)'"';
                span[n++] = b;
                continue;
            }

            switch (b)
            {
                case (byte)'\\':
                    span[n++] = b;
                    span[n++] = json[++i];
                    break;
                case (byte)'"':
                    inString = false;
                    span[n++] = b;
                    break;
                case (byte)'<' or (byte)'>' or (byte)'&':
                    n += WriteUnicodeEscape(span[n..], b);
                    break;
                case 0xE2 when i + 2 < json.Length && json[i + 1] == 0x80 && (json[i + 2] == 0xA8 || json[i + 2] == 0xA9):
                    n += WriteUnicodeEscape(span[n..], json[i + 2] == 0xA8 ? 0x2028 : 0x2029);
                    i += 2;
                    break;
                default:
                    span[n++] = b;
                    break;
            }
        }

        output.Advance(n);
    }

    private static void WriteStringUtf8(IBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        // Worst case every byte becomes a six-byte escape.
        var span = output.GetSpan((utf8.Length * 6) + 2);
        var n = 0;
        span[n++] = (byte)'"';
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            switch (b)
            {
                case (byte)'"':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'"';
                    break;
                case (byte)'\\':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'\\';
                    break;
                case (byte)'\n':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'n';
                    break;
                case (byte)'\r':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'r';
                    break;
                case (byte)'\t':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'t';
                    break;
                case (byte)'\b':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'b';
                    break;
                case (byte)'\f':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'f';
                    break;
                case < 0x20 or (byte)'<' or (byte)'>' or (byte)'&':
                    n += WriteUnicodeEscape(span[n..], b);
                    break;
                case 0xE2 when i + 2 < utf8.Length && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    n += WriteUnicodeEscape(span[n..], utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029);
                    i += 2;
                    break;
                default:
                    span[n++] = b;
                    break;
            }
        }

        span[n++] = (byte)'"';
        output.Advance(n);
    }

    private static int WriteUnicodeEscape(Span<byte> destination, int codePoint)
    {
        destination[0] = (byte)'\\';
        destination[1] = (byte)'u';
        destination[2] = Hex[(codePoint >> 12) & 0xF];
        destination[3] = Hex[(codePoint >> 8) & 0xF];
        destination[4] = Hex[(codePoint >> 4) & 0xF];
        destination[5] = Hex[codePoint & 0xF];
        return 6;
    }

    private static void Put(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
