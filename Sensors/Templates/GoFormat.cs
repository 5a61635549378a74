using System.Globalization;
using System.Text;

namespace ArgoEvents.Sensors.Templates;

/// <summary>Go's <c>fmt</c> printing of template values: <c>%v</c>, <c>Sprint</c>, <c>Sprintln</c> and <c>Sprintf</c>.</summary>
internal static class GoFormat
{
    /// <summary>Appends <paramref name="value"/> as <c>%v</c> prints it.</summary>
    public static void AppendValue(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("<nil>");
                break;
            case string s:
                sb.Append(s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case long l:
                sb.Append(l);
                break;
            case double d:
                AppendFloat(sb, d, 'g', -1);
                break;
            case IReadOnlyDictionary<string, object?> map:
                sb.Append("map[");
                var first = true;
                foreach (var key in SortedKeys(map))
                {
                    if (!first)
                    {
                        sb.Append(' ');
                    }

                    first = false;
                    sb.Append(key).Append(':');
                    AppendValue(sb, map[key]);
                }

                sb.Append(']');
                break;
            case IReadOnlyList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(' ');
                    }

                    AppendValue(sb, list[i]);
                }

                sb.Append(']');
                break;
            default:
                sb.Append(value);
                break;
        }
    }

    /// <summary><c>fmt.Sprint(value)</c>.</summary>
    public static string ToText(object? value)
    {
        if (value is string s)
        {
            return s;
        }

        var sb = new StringBuilder();
        AppendValue(sb, value);
        return sb.ToString();
    }

    /// <summary>Map keys in Go's printing and ranging order.</summary>
    public static string[] SortedKeys(IReadOnlyDictionary<string, object?> map)
    {
        var keys = new string[map.Count];
        var i = 0;
        foreach (var key in map.Keys)
        {
            keys[i++] = key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    /// <summary><c>fmt.Sprint</c>: a space between operands when neither is a string.</summary>
    public static string Sprint(ReadOnlySpan<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Length; i++)
        {
            if (i > 0 && args[i] is not string && args[i - 1] is not string)
            {
                sb.Append(' ');
            }

            AppendValue(sb, args[i]);
        }

        return sb.ToString();
    }

    /// <summary><c>fmt.Sprintln</c>: spaces between all operands and a final newline.</summary>
    public static string Sprintln(ReadOnlySpan<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            AppendValue(sb, args[i]);
        }

        return sb.Append('\n').ToString();
    }

    /// <summary>
    /// Appends <paramref name="d"/> as strconv's <c>FormatFloat(d, fmt, prec, 64)</c> does for <c>e</c>, <c>E</c>,
    /// <c>f</c>, <c>g</c> and <c>G</c>; a precision of -1 means the shortest representation that reads back exactly.
    /// </summary>
    public static void AppendFloat(StringBuilder sb, double d, char fmt, int prec)
    {
        if (double.IsNaN(d))
        {
            sb.Append("NaN");
            return;
        }

        if (double.IsInfinity(d))
        {
            sb.Append(d > 0 ? "+Inf" : "-Inf");
            return;
        }

        if (d < 0 || (d == 0 && double.IsNegative(d)))
        {
            sb.Append('-');
            d = -d;
        }

        var (digits, point) = Digits(d, fmt, prec);
        switch (fmt)
        {
            case 'e' or 'E':
                AppendExponent(sb, digits, point, prec < 0 ? digits.Length - 1 : prec, fmt);
                break;
            case 'f' or 'F':
                AppendFixed(sb, digits, point, prec < 0 ? Math.Max(digits.Length - point, 0) : prec);
                break;
            default:
                var eprec = prec;
                if (eprec > digits.Length && digits.Length >= point)
                {
                    eprec = digits.Length;
                }

                if (prec < 0)
                {
                    eprec = 6;
                }

                var exp = point - 1;
                if (exp < -4 || exp >= eprec)
                {
                    AppendExponent(sb, digits, point, digits.Length - 1, fmt == 'G' ? 'E' : 'e');
                }
                else
                {
                    AppendFixed(sb, digits, point, Math.Max(digits.Length - point, 0));
                }

                break;
        }
    }

    // The significant decimal digits of d (no leading or trailing zeros, "0" for zero) and the position of the
    // decimal point relative to them, rounded as the format and precision ask.
    private static (string Digits, int Point) Digits(double d, char fmt, int prec)
    {
        string text;
        if (prec < 0)
        {
            var shortest = d.ToString("R", CultureInfo.InvariantCulture);
            text = ShortestAsExponent(shortest);
        }
        else if (fmt is 'f' or 'F')
        {
            text = d.ToString("F" + prec.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return Split(text);
        }
        else
        {
            var significant = fmt is 'e' or 'E' ? prec + 1 : Math.Max(prec, 1);
            text = d.ToString("E" + (significant - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return SplitExponent(text);
    }

    private static string ShortestAsExponent(string shortest)
    {
        // "R" gives either plain digits ("123.45") or an exponent form ("1.5E-05"); normalise to mantissa E exponent.
        return shortest.Contains('E', StringComparison.Ordinal) ? shortest : shortest + "E0";
    }

    private static (string Digits, int Point) SplitExponent(string text)
    {
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var (digits, point) = Split(text[..e]);
        return (digits, digits == "0" ? 1 : point + exponent);
    }

    private static (string Digits, int Point) Split(string mantissa)
    {
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var all = intPart + fracPart;
        var point = intPart.Length;
        var lead = 0;
        while (lead < all.Length && all[lead] == '0')
        {
            lead++;
        }

        if (lead == all.Length)
        {
            return ("0", 1);
        }

        var end = all.Length;
        while (all[end - 1] == '0')
        {
            end--;
        }

        return (all[lead..end], point - lead);
    }

    private static void AppendExponent(StringBuilder sb, string digits, int point, int fractionDigits, char e)
    {
        sb.Append(digits[0]);
        if (fractionDigits > 0)
        {
            sb.Append('.');
            for (var i = 1; i <= fractionDigits; i++)
            {
                sb.Append(i < digits.Length ? digits[i] : '0');
            }
        }

        var exp = digits == "0" ? 0 : point - 1;
        sb.Append(e).Append(exp < 0 ? '-' : '+');
        exp = Math.Abs(exp);
        if (exp < 10)
        {
            sb.Append('0');
        }

        sb.Append(exp);
    }

    private static void AppendFixed(StringBuilder sb, string digits, int point, int fractionDigits)
    {
        if (point <= 0)
        {
            sb.Append('0');
        }
        else
        {
            for (var i = 0; i < point; i++)
            {
                sb.Append(i < digits.Length ? digits[i] : '0');
            }
        }

        if (fractionDigits > 0)
        {
            sb.Append('.');
            for (var i = 0; i < fractionDigits; i++)
            {
                var index = point + i;
                sb.Append(index >= 0 && index < digits.Length ? digits[index] : '0');
            }
        }
    }

    /// <summary>strconv.Quote: a double-quoted Go string literal with Go escapes.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            AppendQuotedRune(sb, rune, '"');
        }

        return sb.Append('"').ToString();
    }

    /// <summary>strconv.QuoteRune: a single-quoted Go character literal.</summary>
    public static string QuoteRune(long value)
    {
        var rune = value is >= 0 and <= 0x10FFFF && Rune.IsValid((int)value) ? new Rune((int)value) : Rune.ReplacementChar;
        var sb = new StringBuilder("'");
        AppendQuotedRune(sb, rune, '\'');
        return sb.Append('\'').ToString();
    }

    private static void AppendQuotedRune(StringBuilder sb, Rune rune, char quote)
    {
        var c = rune.Value;
        if (c == quote || c == '\\')
        {
            sb.Append('\\').Append((char)c);
            return;
        }

        if (IsPrintable(rune))
        {
            sb.Append(rune.ToString());
            return;
        }

        switch (c)
        {
            case '\a': sb.Append("\\a"); return;
            case '\b': sb.Append("\\b"); return;
            case '\f': sb.Append("\\f"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\v': sb.Append("\\v"); return;
        }

        if (c < ' ' || c == 0x7F)
        {
            sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (c < 0x10000)
        {
            sb.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }
}
