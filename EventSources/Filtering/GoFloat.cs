using System.Globalization;
using System.Text;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>Go's two shortest float64 spellings: <c>%v</c> (strconv 'g', -1) and encoding/json's.</summary>
internal static class GoFloat
{
    /// <summary>As <c>fmt.Sprint(float64)</c>: exponent form when the decimal exponent is below -4 or at least 6.</summary>
    public static string FormatG(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var (digits, point) = Shortest(value);
        var exponent = point - 1;
        var sign = value < 0 ? "-" : string.Empty;
        return exponent < -4 || exponent >= 6 ? sign + Exponential(digits, exponent, twoDigitExponent: true) : sign + Fixed(digits, point);
    }

    /// <summary>As encoding/json writes a float64: fixed unless tiny or huge, then exponent without a leading zero.</summary>
    public static string FormatJson(double value)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var (digits, point) = Shortest(value);
        var sign = value < 0 ? "-" : string.Empty;
        var abs = Math.Abs(value);
        return abs < 1e-6 || abs >= 1e21 ? sign + Exponential(digits, point - 1, twoDigitExponent: false) : sign + Fixed(digits, point);
    }

    // The shortest round-trip digits and where the decimal point goes: value = 0.digits × 10^point.
    private static (string Digits, int Point) Shortest(double value)
    {
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var all = integerPart + fraction;
        var point = integerPart.Length + exponent;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        all = all[leading..];
        point -= leading;
        all = all.TrimEnd('0');
        return (all.Length == 0 ? "0" : all, point);
    }

    private static string Fixed(string digits, int point)
    {
        if (point <= 0)
        {
            return "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return digits + new string('0', point - digits.Length);
        }

        return digits[..point] + "." + digits[point..];
    }

    private static string Exponential(string digits, int exponent, bool twoDigitExponent)
    {
        var builder = new StringBuilder();
        builder.Append(digits[0]);
        if (digits.Length > 1)
        {
            builder.Append('.').Append(digits, 1, digits.Length - 1);
        }

        builder.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        builder.Append(twoDigitExponent && magnitude.Length < 2 ? "0" + magnitude : magnitude);
        return builder.ToString();
    }
}
