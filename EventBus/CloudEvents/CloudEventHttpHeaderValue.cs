using System.Buffers;
using System.Text;

namespace ArgoEvents.EventBus.CloudEvents;

/// <summary>
/// The header value encoding of the HTTP binding: space, double quote, percent and everything
/// outside printable ASCII are percent-encoded as UTF-8 (upper-case hex). Reading first removes
/// RFC 7230 double-quoting, then percent-decodes once, refusing invalid UTF-8.
/// </summary>
internal static class CloudEventHttpHeaderValue
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string attributeName, string value)
    {
        var first = IndexOfFirstToEncode(value);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        Span<byte> utf8 = stackalloc byte[4];
        var rest = value.AsSpan(first);
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
            {
                throw new CloudEventValidationException(
                    attributeName,
                    $"CloudEvent attribute '{attributeName}' contains an unpaired surrogate and cannot be written as an HTTP header.");
            }

            if (NeedsEncoding(rune.Value))
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length])
                {
                    builder.Append('%').Append(HexUpper(b >> 4)).Append(HexUpper(b & 0xF));
                }
            }
            else
            {
                builder.Append((char)rune.Value);
            }

            rest = rest[consumed..];
        }

        return builder.ToString();
    }

    public static string Decode(string attributeName, string headerValue)
    {
        var unquoted = headerValue.Contains('"', StringComparison.Ordinal) ? Unquote(attributeName, headerValue) : headerValue;
        return unquoted.Contains('%', StringComparison.Ordinal) ? PercentDecode(attributeName, unquoted) : unquoted;
    }

    private static int IndexOfFirstToEncode(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (NeedsEncoding(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool NeedsEncoding(int codePoint) => codePoint is < 0x21 or > 0x7E or '"' or '%';

    private static char HexUpper(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);

    /// <summary>Removes RFC 7230 quoted-string quoting: the quotes go, a backslash keeps the next character.</summary>
    private static string Unquote(string attributeName, string value)
    {
        var builder = new StringBuilder(value.Length);
        var inQuotes = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (inQuotes && c == '\\')
            {
                if (++i == value.Length)
                {
                    break;
                }

                builder.Append(value[i]);
            }
            else
            {
                builder.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new CloudEventValidationException(
                attributeName,
                $"HTTP header for CloudEvent attribute '{attributeName}' has an unterminated double-quoted string: {value}");
        }

        return builder.ToString();
    }

    private static string PercentDecode(string attributeName, string value)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            var length = 0;
            var runStart = 0;
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] != '%')
                {
                    continue;
                }

                length += Encoding.UTF8.GetBytes(value.AsSpan(runStart, i - runStart), rented.AsSpan(length));
                if (i + 2 >= value.Length || !TryHex(value[i + 1], out var high) || !TryHex(value[i + 2], out var low))
                {
                    throw new CloudEventValidationException(
                        attributeName,
                        $"HTTP header for CloudEvent attribute '{attributeName}' has a '%' at index {i} that is not followed by two hex digits: {value}");
                }

                rented[length++] = (byte)((high << 4) | low);
                i += 2;
                runStart = i + 1;
            }

            length += Encoding.UTF8.GetBytes(value.AsSpan(runStart), rented.AsSpan(length));
            return s_strictUtf8.GetString(rented, 0, length);
        }
        catch (DecoderFallbackException ex)
        {
            throw new CloudEventValidationException(
                attributeName,
                $"HTTP header for CloudEvent attribute '{attributeName}' percent-decodes to invalid UTF-8: {value}",
                ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
