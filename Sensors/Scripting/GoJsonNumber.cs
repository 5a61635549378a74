using System.Globalization;
using System.Text;

namespace ArgoEvents.Sensors.Scripting;

/// <summary>
/// Writes a float as Go's <c>encoding/json</c> does: the shortest digits that read back to the same value, in plain
/// decimal notation (so an integral value prints as <c>1</c>, not <c>1.0</c>) unless its magnitude is below 1e-6 or at
/// least 1e21, where exponent notation with a trimmed negative exponent is used (<c>1e+21</c>, <c>1.5e-7</c>).
/// </summary>
internal static class GoJsonNumber
{
    /// <summary>Formats <paramref name="value"/>, which must be finite.</summary>
    public static string Format(double value)
    {
        var output = new StringBuilder(24);
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var (negative, digits, pointPosition) = Decompose(value);
        if (negative)
        {
            output.Append('-');
        }

        var magnitude = Math.Abs(value);
        if (magnitude is < 1e-6 or >= 1e21)
        {
            output.Append(digits[0]);
            if (digits.Length > 1)
            {
                output.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var exponent = pointPosition - 1;
            output.Append('e').Append(exponent < 0 ? '-' : '+');
            var exponentText = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
            if (exponent > 0 && exponentText.Length < 2)
            {
                output.Append('0');
            }

            output.Append(exponentText);
            return output.ToString();
        }

        if (pointPosition <= 0)
        {
            output.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            output.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            output.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return output.ToString();
    }

    // value = 0.DIGITS × 10^pointPosition, DIGITS the shortest round-trip digits without leading or trailing zeros.
    private static (bool Negative, string Digits, int PointPosition) Decompose(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var pointPosition = (dot < 0 ? text.Length : dot) + exponent;
        var digits = dot < 0 ? text : string.Concat(text.AsSpan(0, dot), text.AsSpan(dot + 1));
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        return (negative, digits, pointPosition - leading);
    }
}
