using System.Text;

namespace ArgoEvents.Sensors.Templates;

/// <summary>text/template's predefined functions (<c>and</c> and <c>or</c> are evaluated lazily by the executor).</summary>
internal static class BuiltinFunctions
{
    private static readonly ParamKind[] None = [];
    private static readonly ParamKind[] One = [ParamKind.Any];
    private static readonly ParamKind[] Two = [ParamKind.Any, ParamKind.Any];

    /// <summary>Adds the builtins to <paramref name="functions"/>.</summary>
    public static void Register(Dictionary<string, TemplateFunction> functions)
    {
        void Add(string name, ParamKind[] parameters, ParamKind? variadic, TemplateFunctionBody body) =>
            functions[name] = new TemplateFunction(name, parameters, variadic, body);

        Add("and", One, ParamKind.Any, static a => a[^1]);
        Add("or", One, ParamKind.Any, static a => a[^1]);
        Add("not", One, null, static a => GoValues.Box(!GoValues.IsTrue(a[0])));
        Add("len", One, null, static a => Length(a[0]));
        Add("index", One, ParamKind.Any, static a => Index(a[0], a[1..]));
        Add("slice", One, ParamKind.Any, static a => Slice(a[0], a[1..]));
        Add("print", None, ParamKind.Any, static a => GoFormat.Sprint(a));
        Add("println", None, ParamKind.Any, static a => GoFormat.Sprintln(a));
        Add("printf", [ParamKind.String], ParamKind.Any, static a => GoPrintf.Sprintf((string)a[0]!, a[1..]));
        Add("eq", One, ParamKind.Any, static a => Equal(a));
        Add("ne", Two, null, static a => GoValues.Box(!Equals(a[0], a[1])));
        Add("lt", Two, null, static a => GoValues.Box(Compare(a[0], a[1]) < 0));
        Add("le", Two, null, static a => GoValues.Box(Compare(a[0], a[1]) <= 0));
        Add("gt", Two, null, static a => GoValues.Box(Compare(a[0], a[1]) > 0));
        Add("ge", Two, null, static a => GoValues.Box(Compare(a[0], a[1]) >= 0));
        Add("html", None, ParamKind.Any, static a => HtmlEscape(JoinArgs(a)));
        Add("js", None, ParamKind.Any, static a => JsEscape(JoinArgs(a)));
        Add("urlquery", None, ParamKind.Any, static a => UrlQueryEscape(JoinArgs(a)));
    }

    // Go turns the arguments of html, js and urlquery into one string: a lone string as is, otherwise fmt.Sprint.
    private static string JoinArgs(ReadOnlySpan<object?> args) => args.Length == 1 && args[0] is string s ? s : GoFormat.Sprint(args);

    private static object Length(object? value) => value switch
    {
        string s => (long)Encoding.UTF8.GetByteCount(s),
        IReadOnlyList<object?> list => (long)list.Count,
        IReadOnlyDictionary<string, object?> map => (long)map.Count,
        null => throw new TemplateFunctionException("len of nil pointer"),
        _ => throw new TemplateFunctionException($"len of type {GoValues.TypeName(value)}"),
    };

    private static long IndexArgument(object? index, int length, string what)
    {
        if (index is not long i)
        {
            throw new TemplateFunctionException(index is null ? "cannot index slice/array with nil" : $"cannot index slice/array with type {GoValues.TypeName(index)}");
        }

        if (i < 0 || i >= length + (what == "slice" ? 1 : 0))
        {
            throw new TemplateFunctionException($"index out of range: {i}");
        }

        return i;
    }

    private static object? Index(object? item, ReadOnlySpan<object?> indexes)
    {
        var current = item;
        foreach (var index in indexes)
        {
            switch (current)
            {
                case IReadOnlyList<object?> list:
                    current = list[(int)IndexArgument(index, list.Count, "index")];
                    break;
                case string s:
                    var bytes = Encoding.UTF8.GetBytes(s);
                    current = (long)bytes[(int)IndexArgument(index, bytes.Length, "index")];
                    break;
                case IReadOnlyDictionary<string, object?> map:
                    if (index is not string key)
                    {
                        throw new TemplateFunctionException($"value has type {GoValues.TypeName(index)}; should be string");
                    }

                    current = map.TryGetValue(key, out var found) ? found : null;
                    break;
                case null:
                    throw new TemplateFunctionException("index of untyped nil");
                default:
                    throw new TemplateFunctionException($"can't index item of type {GoValues.TypeName(current)}");
            }
        }

        return current;
    }

    private static object? Slice(object? item, ReadOnlySpan<object?> indexes)
    {
        if (indexes.Length > 3)
        {
            throw new TemplateFunctionException($"too many slice indexes: {indexes.Length}");
        }

        int length;
        byte[]? bytes = null;
        switch (item)
        {
            case IReadOnlyList<object?> list:
                length = list.Count;
                break;
            case string s:
                if (indexes.Length == 3)
                {
                    throw new TemplateFunctionException("cannot 3-index slice a string");
                }

                bytes = Encoding.UTF8.GetBytes(s);
                length = bytes.Length;
                break;
            case null:
                throw new TemplateFunctionException("slice of untyped nil");
            default:
                throw new TemplateFunctionException($"can't slice item of type {GoValues.TypeName(item)}");
        }

        var bounds = new long[] { 0, length };
        for (var i = 0; i < indexes.Length && i < 2; i++)
        {
            bounds[i] = IndexArgument(indexes[i], length, "slice");
        }

        if (bounds[0] > bounds[1])
        {
            throw new TemplateFunctionException($"invalid slice index: {bounds[0]} > {bounds[1]}");
        }

        if (bytes is not null)
        {
            return Encoding.UTF8.GetString(bytes, (int)bounds[0], (int)(bounds[1] - bounds[0]));
        }

        var source = (IReadOnlyList<object?>)item;
        var result = new List<object?>((int)(bounds[1] - bounds[0]));
        for (var i = bounds[0]; i < bounds[1]; i++)
        {
            result.Add(source[(int)i]);
        }

        return result;
    }

    private static object Equal(ReadOnlySpan<object?> args)
    {
        if (args.Length < 2)
        {
            throw new TemplateFunctionException("missing argument for comparison");
        }

        for (var i = 1; i < args.Length; i++)
        {
            if (Equals(args[0], args[i]))
            {
                return GoValues.True;
            }
        }

        return GoValues.False;
    }

    private static new bool Equals(object? a, object? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (string x, string y):
                return string.Equals(x, y, StringComparison.Ordinal);
            case (bool x, bool y):
                return x == y;
            case (long x, long y):
                return x == y;
            case (double x, double y):
                return x == y;
            case (IReadOnlyDictionary<string, object?> or IReadOnlyList<object?>, _):
                throw new TemplateFunctionException($"non-comparable type {GoFormat.ToText(a)}: {GoValues.TypeName(a)}");
            case (_, IReadOnlyDictionary<string, object?> or IReadOnlyList<object?>):
                throw new TemplateFunctionException($"non-comparable type {GoFormat.ToText(b)}: {GoValues.TypeName(b)}");
            default:
                throw new TemplateFunctionException("incompatible types for comparison");
        }
    }

    private static int Compare(object? a, object? b)
    {
        return (a, b) switch
        {
            (string x, string y) => string.CompareOrdinal(x, y),
            (long x, long y) => x.CompareTo(y),
            (double x, double y) => x < y ? -1 : x == y ? 0 : 1, // as Go derives gt from !le, NaN is greater
            (string or long or double, string or long or double) => throw new TemplateFunctionException("incompatible types for comparison"),
            _ => throw new TemplateFunctionException("invalid type for comparison"),
        };
    }

    private static string HtmlEscape(string s)
    {
        if (s.AsSpan().IndexOfAny("<>&'\"\0") < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\'' => "&#39;",
                '"' => "&#34;",
                '\0' => "\uFFFD",
                _ => null,
            } ?? c.ToString());
        }

        return sb.ToString();
    }

    private static string JsEscape(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        foreach (var rune in s.EnumerateRunes())
        {
            var c = rune.Value;
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '"': sb.Append("\\\""); break;
                case '<': sb.Append(@"\u003C"); break;
                case '>': sb.Append(@"\u003E"); break;
                case '&': sb.Append(@"\u0026"); break;
                case '=': sb.Append(@"\u003D"); break;
                default:
                    if (c < ' ' || !IsPrintable(rune))
                    {
                        sb.Append(@"\u").Append(c.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static bool IsPrintable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator);

    /// <summary>Go's <c>url.QueryEscape</c>: unreserved bytes kept, spaces as <c>+</c>, everything else <c>%XX</c>.</summary>
    internal static string UrlQueryEscape(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
