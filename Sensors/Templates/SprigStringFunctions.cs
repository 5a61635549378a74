using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ArgoEvents.Sensors.Templates;

/// <summary>Sprig's string functions, with sprig's argument order (the string being worked on comes last).</summary>
internal static class SprigStringFunctions
{
    private static readonly ParamKind[] S = [ParamKind.String];
    private static readonly ParamKind[] SS = [ParamKind.String, ParamKind.String];
    private static readonly ParamKind[] SSS = [ParamKind.String, ParamKind.String, ParamKind.String];
    private static readonly ParamKind[] IS = [ParamKind.Int, ParamKind.String];

    /// <summary>Adds the functions to <paramref name="functions"/>.</summary>
    public static void Register(Dictionary<string, TemplateFunction> functions)
    {
        void Add(string name, ParamKind[] parameters, ParamKind? variadic, TemplateFunctionBody body) =>
            functions[name] = new TemplateFunction(name, parameters, variadic, body);

        Add("upper", S, null, static a => ((string)a[0]!).ToUpperInvariant());
        Add("lower", S, null, static a => ((string)a[0]!).ToLowerInvariant());
        Add("title", S, null, static a => Title((string)a[0]!, upper: true));
        Add("untitle", S, null, static a => Title((string)a[0]!, upper: false));
        Add("substr", [ParamKind.Int, ParamKind.Int, ParamKind.String], null, static a => Substr((long)a[0]!, (long)a[1]!, (string)a[2]!));
        Add("nospace", S, null, static a => string.Concat(((string)a[0]!).EnumerateRunes().Where(r => !Rune.IsWhiteSpace(r)).Select(r => r.ToString())));
        Add("trim", S, null, static a => TrimRunes((string)a[0]!, Rune.IsWhiteSpace, true, true));
        Add("trimAll", SS, null, static a => TrimSet((string)a[1]!, (string)a[0]!));
        Add("trimPrefix", SS, null, static a => ((string)a[1]!).StartsWith((string)a[0]!, StringComparison.Ordinal) ? ((string)a[1]!)[((string)a[0]!).Length..] : a[1]);
        Add("trimSuffix", SS, null, static a => ((string)a[1]!).EndsWith((string)a[0]!, StringComparison.Ordinal) ? ((string)a[1]!)[..^((string)a[0]!).Length] : a[1]);
        Add("trunc", IS, null, static a => Trunc((long)a[0]!, (string)a[1]!));
        Add("abbrev", IS, null, static a => Abbrev((long)a[0]!, (string)a[1]!));
        Add("contains", SS, null, static a => GoValues.Box(((string)a[1]!).Contains((string)a[0]!, StringComparison.Ordinal)));
        Add("hasPrefix", SS, null, static a => GoValues.Box(((string)a[1]!).StartsWith((string)a[0]!, StringComparison.Ordinal)));
        Add("hasSuffix", SS, null, static a => GoValues.Box(((string)a[1]!).EndsWith((string)a[0]!, StringComparison.Ordinal)));
        Add("quote", [], ParamKind.Any, static a => Quote(a, static s => GoFormat.Quote(s)));
        Add("squote", [], ParamKind.Any, static a => Quote(a, static s => "'" + s + "'"));
        Add("repeat", IS, null, static a => Repeat((long)a[0]!, (string)a[1]!));
        Add("replace", SSS, null, static a => Replace((string)a[2]!, (string)a[0]!, (string)a[1]!));
        Add("split", SS, null, static a => Split((string)a[0]!, (string)a[1]!));
        Add("splitList", SS, null, static a => GoSplit((string)a[1]!, (string)a[0]!));
        Add("join", [ParamKind.String, ParamKind.Any], null, static a => string.Join((string)a[0]!, SprigValueFunctions.StringSlice(a[1])));
        Add("cat", [], ParamKind.Any, static a => Cat(a));
        Add("indent", IS, null, static a => Indent((long)a[0]!, (string)a[1]!));
        Add("nindent", IS, null, static a => "\n" + Indent((long)a[0]!, (string)a[1]!));
        Add("b64enc", S, null, static a => Convert.ToBase64String(Encoding.UTF8.GetBytes((string)a[0]!)));
        Add("b64dec", S, null, static a => GoBase64.TryDecode((string)a[0]!, out var bytes, out var error) ? Encoding.UTF8.GetString(bytes) : error);
        Add("sha256sum", S, null, static a => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((string)a[0]!))));
        Add("sha1sum", S, null, static a => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes((string)a[0]!))));
    }

    // Go's strings.Title: a letter is upper-cased when the rune before it separates words.
    private static string Title(string s, bool upper)
    {
        var sb = new StringBuilder(s.Length);
        var previous = new Rune(' ');
        foreach (var rune in s.EnumerateRunes())
        {
            var changed = IsSeparator(previous) ? (upper ? Rune.ToUpperInvariant(rune) : Rune.ToLowerInvariant(rune)) : rune;
            sb.Append(changed.ToString());
            previous = rune;
        }

        return sb.ToString();
    }

    private static bool IsSeparator(Rune r)
    {
        if (r.IsAscii)
        {
            var c = (char)r.Value;
            return !(char.IsAsciiLetterOrDigit(c) || c == '_');
        }

        return !Rune.IsLetterOrDigit(r) && Rune.IsWhiteSpace(r);
    }

    // sprig works on bytes; slicing inside a multi-byte character yields replacement characters, as printing Go's bytes would.
    private static string Bytes(byte[] bytes, long start, long end) => Encoding.UTF8.GetString(bytes, (int)start, (int)(end - start));

    private static string Substr(long start, long end, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        if (start < 0)
        {
            start = 0;
            if (end < 0 || end > bytes.Length)
            {
                return SliceError(0, end, bytes.Length);
            }

            return Bytes(bytes, 0, end);
        }

        if (end < 0 || end > bytes.Length)
        {
            return start > bytes.Length ? SliceError(start, bytes.Length, bytes.Length) : Bytes(bytes, start, bytes.Length);
        }

        return start > end ? SliceError(start, end, bytes.Length) : Bytes(bytes, start, end);
    }

    private static string SliceError(long start, long end, int length) =>
        throw new TemplateFunctionException(start > end && end >= 0 && end <= length
            ? $"runtime error: slice bounds out of range [{start}:{end}]"
            : $"runtime error: slice bounds out of range [:{end}] with length {length}");

    private static string Trunc(long c, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        if (c < 0 && bytes.Length + c > 0)
        {
            return Bytes(bytes, bytes.Length + c, bytes.Length);
        }

        if (c >= 0 && bytes.Length > c)
        {
            return Bytes(bytes, 0, c);
        }

        return s;
    }

    private static string Abbrev(long width, string s)
    {
        if (width < 4 || s.Length <= width)
        {
            return s;
        }

        return s[..(int)(width - 3)] + "...";
    }

    private static string Quote(ReadOnlySpan<object?> args, Func<string, string> quote)
    {
        var parts = new List<string>(args.Length);
        foreach (var arg in args)
        {
            if (arg is not null)
            {
                parts.Add(quote(SprigValueFunctions.StringValue(arg)));
            }
        }

        return string.Join(' ', parts);
    }

    private static string Repeat(long count, string s)
    {
        if (count < 0)
        {
            throw new TemplateFunctionException("strings: negative Repeat count");
        }

        if (count * (long)s.Length > 1 << 24)
        {
            throw new TemplateFunctionException("strings: Repeat output length overflow");
        }

        return new StringBuilder(s.Length * (int)count).Insert(0, s, (int)count).ToString();
    }

    private static string Replace(string s, string old, string replacement)
    {
        if (old.Length > 0)
        {
            return s.Replace(old, replacement, StringComparison.Ordinal);
        }

        // Go inserts the replacement before every character and at the end when the old string is empty.
        var sb = new StringBuilder(replacement);
        foreach (var rune in s.EnumerateRunes())
        {
            sb.Append(rune.ToString()).Append(replacement);
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>strings.Split</c>: an empty separator splits into characters.</summary>
    internal static List<string> GoSplit(string s, string separator)
    {
        if (separator.Length == 0)
        {
            return [.. s.EnumerateRunes().Select(r => r.ToString())];
        }

        return [.. s.Split(separator, StringSplitOptions.None)];
    }

    private static Dictionary<string, object?> Split(string separator, string s)
    {
        var parts = GoSplit(s, separator);
        var result = new Dictionary<string, object?>(parts.Count, StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            result["_" + i.ToString(CultureInfo.InvariantCulture)] = parts[i];
        }

        return result;
    }

    private static string Cat(ReadOnlySpan<object?> args)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var arg in args)
        {
            if (arg is null)
            {
                continue;
            }

            if (!first)
            {
                sb.Append(' ');
            }

            first = false;
            GoFormat.AppendValue(sb, arg);
        }

        return sb.ToString();
    }

    private static string Indent(long spaces, string s)
    {
        if (spaces < 0)
        {
            throw new TemplateFunctionException("strings: negative Repeat count");
        }

        var pad = new string(' ', (int)Math.Min(spaces, 1 << 16));
        return pad + s.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    private static string TrimSet(string s, string cutset)
    {
        var set = cutset.EnumerateRunes().ToHashSet();
        return TrimRunes(s, set.Contains, true, true);
    }

    private static string TrimRunes(string s, Func<Rune, bool> trim, bool left, bool right)
    {
        var runes = s.EnumerateRunes().ToList();
        var start = 0;
        var end = runes.Count;
        while (left && start < end && trim(runes[start]))
        {
            start++;
        }

        while (right && end > start && trim(runes[end - 1]))
        {
            end--;
        }

        if (start == 0 && end == runes.Count)
        {
            return s;
        }

        return string.Concat(runes.Skip(start).Take(end - start).Select(r => r.ToString()));
    }
}
