using System.Buffers;
using System.Text;

namespace ArgoEvents.Sensors.Parameters.Sjson;

/// <summary>
/// Writes a string as a JSON string literal the way sjson does: plain ASCII is quoted as is; anything else goes through
/// Go's <c>json.Marshal</c> rules (short escapes, <c>\u00XX</c> for other control characters, HTML characters and
/// U+2028/U+2029 escaped, other non-ASCII left as UTF-8).
/// </summary>
internal static class GoJsonString
{
    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    /// <summary>Appends the quoted form of <paramref name="value"/> to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, string value)
    {
        if (!NeedsMarshal(value))
        {
            var span = output.GetSpan(value.Length + 2);
            span[0] = (byte)'"';
            for (var i = 0; i < value.Length; i++)
            {
                span[i + 1] = (byte)value[i];
            }

            span[value.Length + 1] = (byte)'"';
            output.Advance(value.Length + 2);
            return;
        }

        WriteMarshalled(output, value);
    }

    /// <summary>The quoted form of <paramref name="value"/>.</summary>
    public static byte[] Encode(string value)
    {
        var buffer = new ArrayBufferWriter<byte>(value.Length + 2);
        Write(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }

    private static bool NeedsMarshal(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' || c > (char)0x7f || c == '"' || c == '\\')
            {
                return true;
            }
        }

        return false;
    }

    private static void WriteMarshalled(IBufferWriter<byte> output, string value)
    {
        Span<byte> utf8 = stackalloc byte[4];
        Put(output, (byte)'"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    Put(output, (byte)'\\', (byte)'"');
                    continue;
                case '\\':
                    Put(output, (byte)'\\', (byte)'\\');
                    continue;
                case '\n':
                    Put(output, (byte)'\\', (byte)'n');
                    continue;
                case '\r':
                    Put(output, (byte)'\\', (byte)'r');
                    continue;
                case '\t':
                    Put(output, (byte)'\\', (byte)'t');
                    continue;
                case '\b':
                    Put(output, (byte)'\\', (byte)'b');
                    continue;
                case '\f':
                    Put(output, (byte)'\\', (byte)'f');
                    continue;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    PutUnicodeEscape(output, c);
                    continue;
            }

            if (c < ' ')
            {
                PutUnicodeEscape(output, c);
            }
            else if (c < 0x80)
            {
                Put(output, (byte)c);
            }
            else
            {
                // Go replaces invalid UTF-8 with U+FFFD; in UTF-16 that is a lone surrogate.
                Rune rune;
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    rune = new Rune(c, value[i + 1]);
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    rune = Rune.ReplacementChar;
                }
                else
                {
                    rune = new Rune(c);
                }

                var n = rune.EncodeToUtf8(utf8);
                output.Write(utf8[..n]);
            }
        }

        Put(output, (byte)'"');
    }

    private static void PutUnicodeEscape(IBufferWriter<byte> output, char c)
    {
        var span = output.GetSpan(6);
        span[0] = (byte)'\\';
        span[1] = (byte)'u';
        span[2] = Hex[(c >> 12) & 0xF];
        span[3] = Hex[(c >> 8) & 0xF];
        span[4] = Hex[(c >> 4) & 0xF];
        span[5] = Hex[c & 0xF];
        output.Advance(6);
    }

    private static void Put(IBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    private static void Put(IBufferWriter<byte> output, byte a, byte b)
    {
        var span = output.GetSpan(2);
        span[0] = a;
        span[1] = b;
        output.Advance(2);
    }
}
