using System.Globalization;
using System.Text;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>
/// The builtins a filter may call: expr-lang's scalar and string functions, and the helpers Argo adds
/// (<c>asInt</c>, <c>asFloat</c>, <c>toJson</c>, <c>jsonpath</c>).
/// </summary>
internal static class ExprFunctions
{
    /// <summary>expr-lang builtins that take closures or predicates, refused with a specific message.</summary>
    public static readonly IReadOnlySet<string> ClosureFunctions = new HashSet<string>(StringComparer.Ordinal)
    {
        "all", "none", "any", "one", "filter", "map", "count", "find", "findIndex", "findLast", "findLastIndex", "groupBy", "sortBy", "reduce", "sum",
    };

    private static readonly Dictionary<string, ExprFunction> All = new ExprFunction[]
    {
        new("len", 1, 1, a => Len(a[0])),
        new("abs", 1, 1, a => a[0] switch
        {
            long l => (object)(l < 0 ? unchecked(-l) : l),
            double d => Math.Abs(d),
            _ => throw Invalid("abs", a[0]),
        }),
        new("int", 1, 1, a => ToInt("int", a[0])),
        new("asInt", 1, 1, a => ToInt("asInt", a[0])),
        new("float", 1, 1, a => ToFloat("float", a[0])),
        new("asFloat", 1, 1, a => ToFloat("asFloat", a[0])),
        new("string", 1, 1, a => ExprValues.Format(a[0])),
        new("upper", 1, 1, a => Text("upper", a[0]).ToUpperInvariant()),
        new("lower", 1, 1, a => Text("lower", a[0]).ToLowerInvariant()),
        new("trim", 1, 2, a => a.Length == 1 ? TrimSpace(Text("trim", a[0])) : Text("trim", a[0]).Trim(Text("trim", a[1]).ToCharArray())),
        new("trimPrefix", 1, 2, a => TrimPrefix(Text("trimPrefix", a[0]), a.Length == 1 ? " " : Text("trimPrefix", a[1]))),
        new("trimSuffix", 1, 2, a => TrimSuffix(Text("trimSuffix", a[0]), a.Length == 1 ? " " : Text("trimSuffix", a[1]))),
        new("hasPrefix", 2, 2, a => Text("hasPrefix", a[0]).StartsWith(Text("hasPrefix", a[1]), StringComparison.Ordinal)),
        new("hasSuffix", 2, 2, a => Text("hasSuffix", a[0]).EndsWith(Text("hasSuffix", a[1]), StringComparison.Ordinal)),
        new("replace", 3, 3, a => Replace(Text("replace", a[0]), Text("replace", a[1]), Text("replace", a[2]))),
        new("split", 2, 3, a => Split(Text("split", a[0]), Text("split", a[1]), a.Length == 3 ? ToInt("split", a[2]) : -1)),
        new("join", 1, 2, a => Join(a[0], a.Length == 2 ? Text("join", a[1]) : string.Empty)),
        new("toJson", 1, 1, a => ExprJson.Serialize(a[0])),
        new("jsonpath", 2, 2, a => JsonPathQuery.Parse(Text("jsonpath", a[1])).Evaluate(Text("jsonpath", a[0]))),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static ExprFunction? Find(string name) => All.GetValueOrDefault(name);

    public static IEnumerable<string> Names => All.Keys.Order(StringComparer.Ordinal);

    private static ExprRuntimeException Invalid(string function, object? value) =>
        new($"invalid argument for {function} (type {ExprValues.TypeName(value)})");

    private static string Text(string function, object? value) => value as string ?? throw Invalid(function, value);

    private static long Len(object? value) => value switch
    {
        string s => Encoding.UTF8.GetByteCount(s),
        List<object?> list => list.Count,
        Dictionary<string, object?> map => map.Count,
        _ => throw Invalid("len", value),
    };

    private static long ToInt(string function, object? value) => value switch
    {
        long l => l,
        double d when double.IsFinite(d) && Math.Abs(d) < 9.2e18 => (long)Math.Truncate(d),
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string s => throw new ExprRuntimeException($"{function}: strconv.Atoi: parsing \"{s}\": invalid syntax"),
        _ => throw Invalid(function, value),
    };

    private static double ToFloat(string function, object? value) => value switch
    {
        long l => l,
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string s => throw new ExprRuntimeException($"{function}: strconv.ParseFloat: parsing \"{s}\": invalid syntax"),
        _ => throw Invalid(function, value),
    };

    // Go's strings.TrimSpace: Unicode white space at both ends.
    private static string TrimSpace(string s) => s.Trim();

    private static string TrimPrefix(string s, string prefix) => prefix.Length > 0 && s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s;

    private static string TrimSuffix(string s, string suffix) => suffix.Length > 0 && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;

    private static string Replace(string s, string old, string replacement) =>
        old.Length == 0 ? string.Join(replacement, ["", .. s.EnumerateRunes().Select(r => r.ToString()), ""]) : s.Replace(old, replacement, StringComparison.Ordinal);

    private static List<object?> Split(string s, string separator, long limit)
    {
        if (limit == 0)
        {
            return [];
        }

        var parts = separator.Length == 0
            ? s.EnumerateRunes().Select(r => r.ToString()).ToList()
            : [.. s.Split(separator)];
        if (limit > 0 && parts.Count > limit)
        {
            var head = parts.Take((int)limit - 1).ToList();
            head.Add(string.Join(separator, parts.Skip((int)limit - 1)));
            parts = head;
        }

        return [.. parts];
    }

    private static string Join(object? value, string separator) => value is List<object?> list
        ? string.Join(separator, list.Select(item => item as string ?? throw Invalid("join", item)))
        : throw Invalid("join", value);
}
