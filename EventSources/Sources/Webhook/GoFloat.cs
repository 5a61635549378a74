using System.Buffers;
using System.Globalization;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// A float64 written as Go's encoding/json writes it: the shortest digits that read back to the same value, in plain
/// decimal notation, or in exponent notation (<c>1e+21</c>, <c>1.5e-7</c>) below 1e-6 and from 1e21 on. Argo
/// re-encodes some bodies through Go's <c>interface{}</c>, so every JSON number there came out this way.
/// </summary>
internal static class GoFloat
{
    public static void Write(IBufferWriter<byte> output, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no representation for NaN or infinity.");
        }

        // .NET's "R" gives the same shortest round-trip digits as Go's strconv; only the layout differs.
        Span<char> shortest = stackalloc char[32];
        value.TryFormat(shortest, out var length, "R", CultureInfo.InvariantCulture);
        var text = shortest[..length];
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        Span<char> digits = stackalloc char[32];
        var count = 0;
        var exponentAt = text.IndexOfAny('E', 'e');
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        // The value is 0.<digits> x 10^point.
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                continue;
            }

            if (count == 0 && c == '0')
            {
                point--;
                continue;
            }

            digits[count++] = c;
        }

        while (count > 0 && digits[count - 1] == '0')
        {
            count--;
        }

        var span = output.GetSpan(64);
        var n = 0;
        if (negative)
        {
            span[n++] = (byte)'-';
        }

        if (count == 0)
        {
            span[n++] = (byte)'0';
            output.Advance(n);
            return;
        }

        var magnitude = Math.Abs(value);
        n += magnitude is < 1e-6 or >= 1e21
            ? WriteExponent(span[n..], digits[..count], point - 1)
            : WriteDecimal(span[n..], digits[..count], point);
        output.Advance(n);
    }

    private static int WriteDecimal(Span<byte> span, ReadOnlySpan<char> digits, int point)
    {
        var n = 0;
        if (point <= 0)
        {
            span[n++] = (byte)'0';
            span[n++] = (byte)'.';
            for (var i = point; i < 0; i++)
            {
                span[n++] = (byte)'0';
            }

            foreach (var d in digits)
            {
                span[n++] = (byte)d;
            }

            return n;
        }

        for (var i = 0; i < Math.Max(point, digits.Length); i++)
        {
            if (i == point)
            {
                span[n++] = (byte)'.';
            }

            span[n++] = i < digits.Length ? (byte)digits[i] : (byte)'0';
        }

        return n;
    }

    private static int WriteExponent(Span<byte> span, ReadOnlySpan<char> digits, int exponent)
    {
        var n = 0;
        span[n++] = (byte)digits[0];
        if (digits.Length > 1)
        {
            span[n++] = (byte)'.';
            foreach (var d in digits[1..])
            {
                span[n++] = (byte)d;
            }
        }

        span[n++] = (byte)'e';
        span[n++] = exponent < 0 ? (byte)'-' : (byte)'+';
        var abs = Math.Abs(exponent);
        // Go's strconv writes at least two exponent digits; encoding/json then trims "e-07" to "e-7", never "e+07".
        if (abs < 10 && exponent >= 0)
        {
            span[n++] = (byte)'0';
        }

        abs.TryFormat(span[n..], out var written, default, CultureInfo.InvariantCulture);
        return n + written;
    }
}
