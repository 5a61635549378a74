using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArgoEvents.Sensors.Filters;
using ArgoEvents.Sensors.Filters.Gjson;

namespace ArgoEvents.Sensors.Templates;

/// <summary>Sprig's conversion, default, arithmetic, list, dict, regex and JSON functions.</summary>
internal static class SprigValueFunctions
{
    private static readonly ParamKind[] A = [ParamKind.Any];
    private static readonly ParamKind[] AA = [ParamKind.Any, ParamKind.Any];
    private static readonly ParamKind[] SS = [ParamKind.String, ParamKind.String];

    /// <summary>Adds the functions to <paramref name="functions"/>.</summary>
    public static void Register(Dictionary<string, TemplateFunction> functions)
    {
        void Add(string name, ParamKind[] parameters, ParamKind? variadic, TemplateFunctionBody body) =>
            functions[name] = new TemplateFunction(name, parameters, variadic, body);

        Add("toString", A, null, static a => StringValue(a[0]));
        Add("toStrings", A, null, static a => ToStrings(a[0]));
        Add("atoi", [ParamKind.String], null, static a => Atoi((string)a[0]!));
        Add("int", A, null, static a => ToInt64(a[0]));
        Add("int64", A, null, static a => ToInt64(a[0]));
        Add("float64", A, null, static a => ToFloat64(a[0]));
        Add("toJson", A, null, static a => JsonOrEmpty(a[0], true, null));
        Add("toPrettyJson", A, null, static a => JsonOrEmpty(a[0], true, "  "));
        Add("toRawJson", A, null, static a => JsonOrEmpty(a[0], false, null));
        Add("fromJson", [ParamKind.String], null, static a => FromJson((string)a[0]!));
        Add("default", A, ParamKind.Any, static a => a.Length < 2 || IsEmpty(a[1]) ? a[0] : a[1]);
        Add("empty", A, null, static a => GoValues.Box(IsEmpty(a[0])));
        Add("coalesce", [], ParamKind.Any, static a => Coalesce(a));
        Add("ternary", [ParamKind.Any, ParamKind.Any, ParamKind.Bool], null, static a => (bool)a[2]! ? a[0] : a[1]);
        Add("add", [], ParamKind.Any, static a => Fold(a, 0, static (x, y) => x + y));
        Add("add1", A, null, static a => ToInt64(a[0]) + 1);
        Add("sub", AA, null, static a => ToInt64(a[0]) - ToInt64(a[1]));
        Add("mul", A, ParamKind.Any, static a => Fold(a[1..], ToInt64(a[0]), static (x, y) => x * y));
        Add("div", AA, null, static a => Divide(ToInt64(a[0]), ToInt64(a[1]), modulo: false));
        Add("mod", AA, null, static a => Divide(ToInt64(a[0]), ToInt64(a[1]), modulo: true));
        Add("max", A, ParamKind.Any, static a => Fold(a[1..], ToInt64(a[0]), Math.Max));
        Add("min", A, ParamKind.Any, static a => Fold(a[1..], ToInt64(a[0]), Math.Min));
        Add("list", [], ParamKind.Any, static a => new List<object?>(a.ToArray()));
        Add("dict", [], ParamKind.Any, static a => Dict(a));
        Add("get", [ParamKind.Map, ParamKind.String], null, static a => ((IReadOnlyDictionary<string, object?>)a[0]!).TryGetValue((string)a[1]!, out var v) ? v : string.Empty);
        Add("hasKey", [ParamKind.Map, ParamKind.String], null, static a => GoValues.Box(((IReadOnlyDictionary<string, object?>)a[0]!).ContainsKey((string)a[1]!)));
        Add("keys", [], ParamKind.Map, static a => Keys(a));
        Add("first", A, null, static a => List(a[0], "first") is { Count: > 0 } l ? l[0] : null);
        Add("last", A, null, static a => List(a[0], "last") is { Count: > 0 } l ? l[^1] : null);
        Add("rest", A, null, static a => List(a[0], "rest") is { Count: > 0 } l ? l.Skip(1).ToList() : null);
        Add("initial", A, null, static a => List(a[0], "initial") is { Count: > 0 } l ? l.Take(l.Count - 1).ToList() : null);
        Add("has", AA, null, static a => GoValues.Box(Has(a[0], a[1])));
        Add("regexMatch", SS, null, static a => GoValues.Box(TryRegex((string)a[0]!) is { } r && r.IsMatch((string)a[1]!)));
        Add("regexFind", SS, null, static a => Regex((string)a[0]!).Match((string)a[1]!) is { Success: true } m ? m.Value : string.Empty);
        Add("regexFindAll", [ParamKind.String, ParamKind.String, ParamKind.Int], null, static a => FindAll((string)a[0]!, (string)a[1]!, (long)a[2]!));
        Add("regexReplaceAll", [ParamKind.String, ParamKind.String, ParamKind.String], null, static a => ReplaceAll((string)a[0]!, (string)a[1]!, (string)a[2]!, literal: false));
        Add("regexReplaceAllLiteral", [ParamKind.String, ParamKind.String, ParamKind.String], null, static a => ReplaceAll((string)a[0]!, (string)a[1]!, (string)a[2]!, literal: true));
    }

    /// <summary>Sprig's <c>strval</c>: strings as they are, everything else as <c>%v</c> prints it.</summary>
    internal static string StringValue(object? value) => value is string s ? s : GoFormat.ToText(value);

    /// <summary>Sprig's <c>strslice</c>: a slice's non-nil elements as strings, nil as empty, anything else as one string.</summary>
    internal static List<string> StringSlice(object? value) => value switch
    {
        null => [],
        IReadOnlyList<string> strings => [.. strings],
        IReadOnlyList<object?> list => [.. list.Where(item => item is not null).Select(StringValue)],
        _ => [StringValue(value)],
    };

    private static List<string> ToStrings(object? value) => value switch
    {
        IReadOnlyList<object?> list => [.. list.Select(StringValue)],
        null => [],
        _ => [StringValue(value)],
    };

    private static object Atoi(string s)
    {
        var body = s.StartsWith('+') || s.StartsWith('-') ? s[1..] : s;
        if (body.Length == 0 || !body.All(char.IsAsciiDigit) || !long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return 0L;
        }

        return value;
    }

    /// <summary>spf13/cast's <c>ToInt64</c>: floats truncated, strings parsed (base prefixes, zero decimals), anything else 0.</summary>
    internal static long ToInt64(object? value)
    {
        switch (value)
        {
            case long l:
                return l;
            case double d:
                return double.IsNaN(d) ? 0 : (long)Math.Truncate(d);
            case bool b:
                return b ? 1 : 0;
            case string s:
                var text = TrimZeroDecimal(s);
                var negative = text.StartsWith('-');
                var body = text.TrimStart('+', '-');
                long magnitude;
                if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                {
                    return long.TryParse(body.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude) ? (negative ? -magnitude : magnitude) : 0;
                }

                return body.Length > 0 && body.All(char.IsAsciiDigit) && long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude)
                    ? (negative ? -magnitude : magnitude)
                    : 0;
            default:
                return 0;
        }
    }

    private static string TrimZeroDecimal(string s)
    {
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == s.Length - 1)
        {
            return s;
        }

        for (var i = dot + 1; i < s.Length; i++)
        {
            if (s[i] != '0')
            {
                return s;
            }
        }

        return s[..dot];
    }

    private static double ToFloat64(object? value) => value switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        string s => GoStrconv.TryParseFloat(s, out var d) ? d : 0,
        _ => 0,
    };

    private static string JsonOrEmpty(object? value, bool escapeHtml, string? indent)
    {
        try
        {
            return GoJson.Encode(value, escapeHtml, indent);
        }
        catch (TemplateFunctionException)
        {
            // sprig's toJson swallows the encoding error and yields "".
            return string.Empty;
        }
    }

    private static object? FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return GoValues.FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Sprig's <c>empty</c>: nil, zero numbers, false and empty strings, maps and slices.</summary>
    internal static bool IsEmpty(object? value) => !GoValues.IsTrue(value);

    private static object? Coalesce(ReadOnlySpan<object?> args)
    {
        foreach (var arg in args)
        {
            if (!IsEmpty(arg))
            {
                return arg;
            }
        }

        return null;
    }

    private static long Fold(ReadOnlySpan<object?> args, long seed, Func<long, long, long> combine)
    {
        var result = seed;
        foreach (var arg in args)
        {
            result = combine(result, ToInt64(arg));
        }

        return result;
    }

    private static long Divide(long a, long b, bool modulo)
    {
        if (b == 0)
        {
            throw new TemplateFunctionException("runtime error: integer divide by zero");
        }

        return modulo ? a % b : a / b;
    }

    private static Dictionary<string, object?> Dict(ReadOnlySpan<object?> args)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            result[StringValue(args[i])] = i + 1 < args.Length ? args[i + 1] : string.Empty;
        }

        return result;
    }

    private static List<string> Keys(ReadOnlySpan<object?> maps)
    {
        var keys = new List<string>();
        foreach (var map in maps)
        {
            keys.AddRange(((IReadOnlyDictionary<string, object?>)map!).Keys);
        }

        // Go's map order is random; sorted is one of its orders and keeps output stable.
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private static IReadOnlyList<object?>? List(object? value, string function) => value switch
    {
        IReadOnlyList<object?> list => list,
        null => null,
        _ => throw new TemplateFunctionException($"Cannot find {function} on type {GoValues.TypeName(value)}"),
    };

    private static bool Has(object? needle, object? haystack) =>
        haystack is not null && List(haystack, "has")!.Any(item => DeepEqual(item, needle));

    private static bool DeepEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Count == y.Count && x.Zip(y).All(p => DeepEqual(p.First, p.Second)),
        (IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y) =>
            x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var v) && DeepEqual(p.Value, v)),
        _ => Equals(a, b),
    };

    private static Regex? TryRegex(string pattern)
    {
        try
        {
            return Re2Regex.Compile(pattern);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Regex Regex(string pattern)
    {
        try
        {
            return Re2Regex.Compile(pattern);
        }
        catch (ArgumentException e)
        {
            throw new TemplateFunctionException($"regexp: Compile({GoFormat.Quote(pattern)}): {e.Message}");
        }
    }

    private static List<string> FindAll(string pattern, string s, long n)
    {
        var result = new List<string>();
        foreach (Match match in Regex(pattern).Matches(s))
        {
            if (n >= 0 && result.Count >= n)
            {
                break;
            }

            result.Add(match.Value);
        }

        return result;
    }

    private static string ReplaceAll(string pattern, string s, string replacement, bool literal)
    {
        var regex = Regex(pattern);
        return literal ? regex.Replace(s, match => replacement) : regex.Replace(s, match => Expand(regex, match, replacement));
    }

    // Go's Regexp.Expand: $1, ${1}, $name and ${name} insert groups (unknown ones as nothing), $$ is a dollar, and a
    // name is the longest run of letters, digits and underscores.
    private static string Expand(Regex regex, Match match, string template)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '$' || i + 1 >= template.Length)
            {
                sb.Append(c);
                continue;
            }

            if (template[i + 1] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            string? name = null;
            var end = i + 1;
            if (template[i + 1] == '{')
            {
                var close = template.IndexOf('}', i + 2);
                if (close > i + 2 && template.AsSpan(i + 2, close - i - 2).ContainsAnyExcept(NameChars) == false)
                {
                    name = template[(i + 2)..close];
                    end = close + 1;
                }
            }
            else
            {
                while (end < template.Length && (char.IsAsciiLetterOrDigit(template[end]) || template[end] == '_'))
                {
                    end++;
                }

                if (end > i + 1)
                {
                    name = template[(i + 1)..end];
                }
            }

            if (name is null)
            {
                sb.Append('$');
                continue;
            }

            var group = name.All(char.IsAsciiDigit)
                ? (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < regex.GetGroupNumbers().Length + 1 ? match.Groups[number] : null)
                : regex.GroupNumberFromName(name) >= 0 ? match.Groups[name] : null;
            if (group is { Success: true })
            {
                sb.Append(group.Value);
            }

            i = end - 1;
        }

        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
}
