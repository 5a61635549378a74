using System.Text;
using System.Text.RegularExpressions;

namespace ArgoEvents.Sensors.Filters;

/// <summary>
/// Compiles Go RE2 patterns (what Argo's filters use) to .NET regular expressions with RE2's meaning: <c>\d \w \s</c>
/// are ASCII (<c>\b</c> stays .NET's Unicode word boundary), <c>$</c> is end of text unless <c>(?m)</c>, <c>(?P&lt;name&gt;...)</c>, <c>\Q...\E</c>, <c>\pL</c>,
/// <c>\x{...}</c> and <c>[[:alpha:]]</c> are translated. Constructs RE2 refuses (backreferences, lookaround, atomic
/// groups, conditionals, possessive quantifiers) are refused with the position. Matching uses .NET's non-backtracking
/// engine, linear in the input like RE2.
/// </summary>
public static class Re2Regex
{
    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    /// <summary>Compiles <paramref name="pattern"/>; the result matches unanchored, as Go's <c>Regexp.Match</c>.</summary>
    /// <exception cref="ArgumentException">The pattern is not valid RE2, naming the problem and its position.</exception>
    public static Regex Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var translated = Translate(pattern);
        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new ArgumentException($"invalid regular expression '{pattern}': {e.Message}", nameof(pattern), e);
        }
    }

    private static string Translate(string p)
    {
        var sb = new StringBuilder(p.Length + 8);
        var inClass = false;
        var multiline = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\')
            {
                i = TranslateEscape(p, i, inClass, sb);
                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < p.Length && p[i + 1] == ':')
                {
                    var end = p.IndexOf(":]", i + 2, StringComparison.Ordinal);
                    var name = end < 0 ? null : p[(i + 2)..end];
                    if (name is null || !PosixClasses.TryGetValue(name, out var ranges))
                    {
                        throw Bad(p, i, "unsupported POSIX character class");
                    }

                    sb.Append(ranges);
                    i = end + 1;
                    continue;
                }

                if (c == ']')
                {
                    inClass = false;
                }

                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    sb.Append(c);

                    // A ']' right after '[' or '[^' is a literal in RE2.
                    if (i + 1 < p.Length && p[i + 1] == '^')
                    {
                        sb.Append('^');
                        i++;
                    }

                    if (i + 1 < p.Length && p[i + 1] == ']')
                    {
                        sb.Append("\\]");
                        i++;
                    }

                    break;
                case '$':
                    sb.Append(multiline ? "$" : "\\z");
                    break;
                case '(':
                    i = TranslateGroup(p, i, sb, ref multiline);
                    break;
                case '*' or '+' or '?' or '}':
                    sb.Append(c);
                    if (c != '?' && i + 1 < p.Length && p[i + 1] == '+')
                    {
                        throw Bad(p, i + 1, "possessive quantifiers are not RE2");
                    }

                    if (i + 1 < p.Length && p[i + 1] is '*' or '+' && c != '}')
                    {
                        throw Bad(p, i + 1, "invalid nested repetition operator");
                    }

                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static int TranslateGroup(string p, int i, StringBuilder sb, ref bool multiline)
    {
        if (i + 1 >= p.Length || p[i + 1] != '?')
        {
            sb.Append('(');
            return i;
        }

        var rest = p.AsSpan(i + 2);
        if (rest.StartsWith("P<"))
        {
            sb.Append("(?<");
            return i + 3;
        }

        if (rest.StartsWith("<") && !rest.StartsWith("<=") && !rest.StartsWith("<!"))
        {
            sb.Append("(?<");
            return i + 2;
        }

        if (rest.StartsWith(":"))
        {
            sb.Append("(?:");
            return i + 2;
        }

        // Flag groups: (?flags) or (?flags:re) with RE2's flags i, m, s, U and '-'.
        var j = i + 2;
        while (j < p.Length && p[j] is 'i' or 'm' or 's' or 'U' or '-')
        {
            if (p[j] == 'U')
            {
                throw Bad(p, j, "the ungreedy flag (?U) is not supported");
            }

            j++;
        }

        if (j > i + 2 && j < p.Length && p[j] is ')' or ':')
        {
            var flags = p[(i + 2)..j];
            var minus = flags.IndexOf('-', StringComparison.Ordinal);
            var on = minus < 0 ? flags : flags[..minus];
            if (on.Contains('m', StringComparison.Ordinal))
            {
                multiline = true;
            }

            sb.Append("(?").Append(flags).Append(p[j]);
            return j;
        }

        throw Bad(p, i, "lookaround, atomic groups, conditionals and comments are not RE2");
    }

    private static int TranslateEscape(string p, int i, bool inClass, StringBuilder sb)
    {
        if (i + 1 >= p.Length)
        {
            throw Bad(p, i, "trailing backslash");
        }

        var e = p[i + 1];
        switch (e)
        {
            case 'd':
                sb.Append(inClass ? "0-9" : "[0-9]");
                return i + 1;
            case 'w':
                sb.Append(inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]");
                return i + 1;
            case 's':
                sb.Append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
                return i + 1;
            case 'D' when !inClass:
                sb.Append("[^0-9]");
                return i + 1;
            case 'W' when !inClass:
                sb.Append("[^0-9A-Za-z_]");
                return i + 1;
            case 'S' when !inClass:
                sb.Append("[^\\t\\n\\f\\r ]");
                return i + 1;
            case >= '1' and <= '9':
                throw Bad(p, i, "backreferences are not RE2");
            case 'k' or 'Z' or 'G' or 'C':
                throw Bad(p, i, $"'\\{e}' is not RE2");
            case 'Q':
                var end = p.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                var literal = end < 0 ? p[(i + 2)..] : p[(i + 2)..end];
                sb.Append(Regex.Escape(literal));
                return end < 0 ? p.Length - 1 : end + 1;
            case 'p' or 'P' when i + 2 < p.Length && p[i + 2] != '{':
                sb.Append('\\').Append(e).Append('{').Append(p[i + 2]).Append('}');
                return i + 2;
            case 'x' when i + 2 < p.Length && p[i + 2] == '{':
                var close = p.IndexOf('}', i + 3);
                if (close < 0 || !int.TryParse(p.AsSpan(i + 3, close - i - 3), System.Globalization.NumberStyles.HexNumber, null, out var code) || code > 0xFFFF)
                {
                    throw Bad(p, i, "unsupported \\x{...} escape");
                }

                sb.Append("\\u").Append(code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                return close;
            default:
                sb.Append('\\').Append(e);
                return i + 1;
        }
    }

    private static ArgumentException Bad(string pattern, int position, string problem) =>
        new($"invalid regular expression '{pattern}': {problem} (at position {position})", nameof(pattern));
}
