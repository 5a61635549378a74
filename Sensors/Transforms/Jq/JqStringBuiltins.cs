using System.Collections.Immutable;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>String functions: case, trimming, prefixes, <c>split/1</c>, <c>explode</c>/<c>implode</c>.</summary>
internal static class JqStringBuiltins
{
    public static void Register(JqBuiltinTable t)
    {
        t.Value("ascii_downcase", v => MapAscii(v, "ascii_downcase", c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c));
        t.Value("ascii_upcase", v => MapAscii(v, "ascii_upcase", c => c is >= 'a' and <= 'z' ? (char)(c - 32) : c));
        t.Value("ltrimstr", (v, p) => v is string s && p is string prefix && s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : v);
        t.Value("rtrimstr", (v, p) => v is string s && p is string suffix && s.EndsWith(suffix, StringComparison.Ordinal) && suffix.Length > 0
            ? s[..^suffix.Length]
            : v);
        t.Value("startswith", (v, p) => v is string s && p is string prefix
            ? s.StartsWith(prefix, StringComparison.Ordinal)
            : throw JqException.Runtime("startswith() requires string inputs"));
        t.Value("endswith", (v, p) => v is string s && p is string suffix
            ? s.EndsWith(suffix, StringComparison.Ordinal)
            : throw JqException.Runtime("endswith() requires string inputs"));
        t.Value("trim", v => RequireString(v, "trim input must be a string").Trim(Whitespace));
        t.Value("ltrim", v => RequireString(v, "trim input must be a string").TrimStart(Whitespace));
        t.Value("rtrim", v => RequireString(v, "trim input must be a string").TrimEnd(Whitespace));
        t.Value("split", (v, sep) => v is string s && sep is string separator
            ? JqArithmetic.Split(s, separator)
            : throw JqException.Runtime("split input and separator must be strings"));
        t.Value("explode", v => JqText.CodePoints(RequireString(v, "explode input must be a string"))
            .Select(cp => (object?)(double)cp).ToImmutableList());
        t.Value("implode", Implode);
    }

    private static readonly char[] Whitespace = [' ', '\t', '\n', '\r', '\f', '\v'];

    private static string RequireString(object? v, string message) => v as string ?? throw JqException.Runtime(message);

    private static object? MapAscii(object? v, string name, Func<char, char> map) => v is string s
        ? string.Create(s.Length, s, (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                span[i] = map(src[i]);
            }
        })
        : throw JqException.Runtime($"{name} input must be a string");

    private static object? Implode(object? v)
    {
        if (v is not ImmutableList<object?> a)
        {
            throw JqException.Runtime("implode input must be an array");
        }

        return JqText.FromCodePoints(a.Select(x => x is double d
            ? (int)d
            : throw JqException.Runtime("Unicode codepoint must be numeric")));
    }
}
