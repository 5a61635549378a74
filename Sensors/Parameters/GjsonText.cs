using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ArgoEvents.Sensors.Parameters;

/// <summary>
/// gjson's <c>Result.String()</c> for a piece of JSON text: strings unescaped, integers as written, other numbers
/// re-formatted as Go's <c>FormatFloat(f, 'f', -1, 64)</c>, <c>true</c>/<c>false</c>, null as empty, objects and
/// arrays as their raw text. Parameters rely on it for the value of a key and for the current value an append or
/// prepend extends.
/// </summary>
internal static class GjsonText
{
    /// <summary>The text gjson gives the JSON value <paramref name="raw"/>.</summary>
    public static string FromRaw(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            return string.Empty;
        }

        switch (raw[0])
        {
            case (byte)'"':
                var reader = new Utf8JsonReader(raw);
                reader.Read();
                return reader.GetString() ?? string.Empty;
            case (byte)'t':
                return "true";
            case (byte)'f':
                return "false";
            case (byte)'n':
                return string.Empty;
            case (byte)'{' or (byte)'[':
                return Encoding.UTF8.GetString(raw);
            default:
                return Number(Encoding.UTF8.GetString(raw));
        }
    }

    /// <summary>gjson's text of a number written as <paramref name="raw"/>.</summary>
    public static string Number(string raw)
    {
        var digitsFrom = raw.StartsWith('-') ? 1 : 0;
        var integer = raw.Length > digitsFrom;
        for (var i = digitsFrom; i < raw.Length && integer; i++)
        {
            integer = raw[i] is >= '0' and <= '9';
        }

        return integer ? raw : FormatGoFloat(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>Go's <c>strconv.FormatFloat(value, 'f', -1, 64)</c>: the shortest digits that read back, never an exponent.</summary>
    public static string FormatGoFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e < 0)
        {
            return shortest;
        }

        var negative = shortest.StartsWith('-');
        var mantissa = shortest[(negative ? 1 : 0)..e];
        var exponent = int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var pointAt = (dot < 0 ? mantissa.Length : dot) + exponent;
        var text = new StringBuilder(digits.Length + Math.Abs(exponent) + 3);
        if (negative)
        {
            text.Append('-');
        }

        if (pointAt <= 0)
        {
            text.Append("0.").Append('0', -pointAt).Append(digits);
        }
        else if (pointAt >= digits.Length)
        {
            text.Append(digits).Append('0', pointAt - digits.Length);
        }
        else
        {
            text.Append(digits, 0, pointAt).Append('.').Append(digits, pointAt, digits.Length - pointAt);
        }

        return text.ToString();
    }
}
