using System.Globalization;

namespace ArgoEvents.Sensors.Filters.Gjson;

/// <summary>
/// Go's <c>strconv.ParseBool</c> and <c>strconv.ParseFloat</c> acceptance rules, because Argo's filters feed
/// user values and JSON strings through them and a different rule would pass or reject different events.
/// </summary>
public static class GoStrconv
{
    /// <summary>Parses like Go's <c>strconv.ParseBool</c>: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.</summary>
    public static bool TryParseBool(ReadOnlySpan<char> text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>
    /// Parses like Go's <c>strconv.ParseFloat(s, 64)</c> for decimal forms: optional sign, digits, fraction,
    /// exponent, and the words inf, infinity and nan in any case. No surrounding spaces are accepted, as in Go.
    /// Hexadecimal floats and digit underscores are not accepted.
    /// </summary>
    public static bool TryParseFloat(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (text.IsEmpty || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        var sign = 1.0;
        var body = text;
        if (body[0] is '+' or '-')
        {
            sign = body[0] == '-' ? -1.0 : 1.0;
            body = body[1..];
        }

        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = sign * double.PositiveInfinity;
            return true;
        }

        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            // Go accepts a sign only on inf, not on nan.
            value = double.NaN;
            return body.Length == text.Length;
        }

        if (body.IsEmpty || !(char.IsAsciiDigit(body[0]) || body[0] == '.'))
        {
            return false;
        }

        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return double.TryParse(text, style, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value);
    }
}
