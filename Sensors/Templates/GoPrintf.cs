using System.Globalization;
using System.Text;

namespace ArgoEvents.Sensors.Templates;

/// <summary>
/// Go's <c>fmt.Sprintf</c> for template values: verbs <c>v s d q f F e E g G t x X o b c</c> and <c>%%</c>, flags
/// <c>- + # 0</c> and space, width and precision; wrong types, missing and extra operands are written as Go writes them.
/// </summary>
internal static class GoPrintf
{
    /// <summary>Formats <paramref name="args"/> by <paramref name="format"/>.</summary>
    public static string Sprintf(string format, ReadOnlySpan<object?> args)
    {
        var sb = new StringBuilder(format.Length + 16);
        var next = 0;
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                i++;
                continue;
            }

            i++;
            var spec = new Spec();
            while (i < format.Length && format[i] is '-' or '+' or '#' or '0' or ' ')
            {
                switch (format[i])
                {
                    case '-': spec.Minus = true; break;
                    case '+': spec.Plus = true; break;
                    case '#': spec.Sharp = true; break;
                    case '0': spec.Zero = true; break;
                    default: spec.Space = true; break;
                }

                i++;
            }

            spec.Width = ReadNumber(format, ref i);
            if (i < format.Length && format[i] == '.')
            {
                i++;
                spec.Precision = ReadNumber(format, ref i) ?? 0;
            }

            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }

            var verb = format[i++];
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }

            if (next >= args.Length)
            {
                sb.Append("%!").Append(verb).Append("(MISSING)");
                continue;
            }

            Pad(sb, FormatOne(verb, spec, args[next++]), spec, verb);
        }

        if (next < args.Length)
        {
            sb.Append("%!(EXTRA ");
            for (var k = next; k < args.Length; k++)
            {
                if (k > next)
                {
                    sb.Append(", ");
                }

                sb.Append(args[k] is null ? "<nil>" : GoValues.TypeName(args[k]) + "=" + GoFormat.ToText(args[k]));
            }

            sb.Append(')');
        }

        return sb.ToString();
    }

    private static int? ReadNumber(string format, ref int i)
    {
        var start = i;
        var value = 0;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            value = Math.Min((value * 10) + (format[i] - '0'), 1_000_000);
            i++;
        }

        return i > start ? value : null;
    }

    private static void Pad(StringBuilder sb, string text, Spec spec, char verb)
    {
        var width = spec.Width ?? 0;
        var length = text.EnumerateRunes().Count();
        if (length >= width)
        {
            sb.Append(text);
            return;
        }

        var padding = width - length;
        if (spec.Minus)
        {
            sb.Append(text).Append(' ', padding);
        }
        else if (spec.Zero && verb is not ('s' or 'q' or 'v' or 't' or 'c') && text.Length > 0 && text[0] is '-' or '+' or ' ')
        {
            sb.Append(text[0]).Append('0', padding).Append(text.AsSpan(1));
        }
        else if (spec.Zero && verb is not ('t'))
        {
            sb.Append('0', padding).Append(text);
        }
        else
        {
            sb.Append(' ', padding).Append(text);
        }
    }

    private static string Bad(char verb, object? value) =>
        value is null ? $"%!{verb}(<nil>)" : $"%!{verb}({GoValues.TypeName(value)}={GoFormat.ToText(value)})";

    private static string FormatOne(char verb, Spec spec, object? value)
    {
        switch (verb)
        {
            case 'v':
                return value switch
                {
                    string s when spec.Sharp => GoFormat.Quote(s),
                    long or double => FormatNumber(verb == 'v' && value is double ? 'g' : 'd', spec, value),
                    _ => GoFormat.ToText(value),
                };
            case 's':
                return value switch
                {
                    string s => spec.Precision is { } p ? Truncate(s, p) : s,
                    IReadOnlyList<object?> or IReadOnlyDictionary<string, object?> => GoFormat.ToText(value),
                    _ => Bad(verb, value),
                };
            case 'q':
                return value switch
                {
                    string s => spec.Sharp && !s.Contains('`', StringComparison.Ordinal) ? "`" + s + "`" : GoFormat.Quote(s),
                    long l => GoFormat.QuoteRune(l),
                    _ => Bad(verb, value),
                };
            case 't':
                return value is bool b ? (b ? "true" : "false") : Bad(verb, value);
            case 'c':
                return value is long r && r is >= 0 and <= 0x10FFFF && System.Text.Rune.IsValid((int)r)
                    ? new System.Text.Rune((int)r).ToString()
                    : Bad(verb, value);
            case 'x' or 'X':
                if (value is string text)
                {
                    var hex = Convert.ToHexString(Encoding.UTF8.GetBytes(text));
                    return verb == 'x' ? hex.ToLowerInvariant() : hex;
                }

                return value is long ? FormatNumber(verb, spec, value) : Bad(verb, value);
            case 'd' or 'o' or 'b':
                return value is long ? FormatNumber(verb, spec, value) : Bad(verb, value);
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                return value is double ? FormatNumber(verb, spec, value) : Bad(verb, value);
            default:
                return Bad(verb, value);
        }
    }

    private static string Truncate(string s, int runes)
    {
        var sb = new StringBuilder();
        foreach (var rune in s.EnumerateRunes())
        {
            if (runes-- <= 0)
            {
                break;
            }

            sb.Append(rune.ToString());
        }

        return sb.ToString();
    }

    private static string FormatNumber(char verb, Spec spec, object value)
    {
        var sb = new StringBuilder();
        if (value is long l)
        {
            var negative = l < 0;
            var magnitude = negative ? (ulong)(-(l + 1)) + 1 : (ulong)l;
            var digits = verb switch
            {
                'x' => magnitude.ToString("x", CultureInfo.InvariantCulture),
                'X' => magnitude.ToString("X", CultureInfo.InvariantCulture),
                'o' => Convert.ToString((long)magnitude, 8),
                'b' => Convert.ToString((long)magnitude, 2),
                _ => magnitude.ToString(CultureInfo.InvariantCulture),
            };
            if (spec.Precision is { } p && digits.Length < p)
            {
                digits = new string('0', p - digits.Length) + digits;
            }

            if (spec.Sharp)
            {
                digits = verb switch { 'x' => "0x" + digits, 'X' => "0X" + digits, 'o' => "0" + digits, _ => digits };
            }

            sb.Append(negative ? "-" : spec.Plus ? "+" : spec.Space ? " " : string.Empty).Append(digits);
            return sb.ToString();
        }

        var d = (double)value;
        var prec = spec.Precision ?? (verb is 'g' or 'G' ? -1 : 6);
        GoFormat.AppendFloat(sb, d, verb == 'F' ? 'f' : verb, prec);
        if (sb.Length > 0 && sb[0] != '-' && (spec.Plus || spec.Space) && !double.IsNaN(d))
        {
            sb.Insert(0, spec.Plus ? '+' : ' ');
        }

        if (sb.Length > 1 && sb[0] == '+' && sb[1] == '+')
        {
            sb.Remove(0, 1);
        }

        return sb.ToString();
    }

    private struct Spec
    {
        public bool Minus;
        public bool Plus;
        public bool Sharp;
        public bool Zero;
        public bool Space;
        public int? Width;
        public int? Precision;
    }
}
