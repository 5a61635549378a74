using System.Globalization;
using System.Text.Json;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>
/// The value model: null, bool, long (Go int), double (Go float64), string, <see cref="List{T}"/> of values and
/// <see cref="Dictionary{TKey, TValue}"/> of string to value — what Go's JSON decoder and expr literals produce.
/// </summary>
internal static class ExprValues
{
    /// <summary>Decodes JSON as Go's decoder does into interface{}: every number becomes a float64.</summary>
    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromJson(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromJson(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetDouble(out var number) && double.IsFinite(number)
                    ? number
                    : throw new ExprRuntimeException($"the number {element.GetRawText()} is out of the range of a float64");
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    public static bool IsNumber(object? value) => value is long or double;

    public static double ToDouble(object? value) => value is long l ? l : (double)value!;

    /// <summary>Go's type name of a value, for error messages.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        bool => "bool",
        long => "int",
        double => "float64",
        string => "string",
        List<object?> => "[]interface {}",
        Dictionary<string, object?> => "map[string]interface {}",
        _ => value.GetType().Name,
    };

    /// <summary>expr-lang's <c>==</c>: numbers compare by value across int and float; arrays and maps deeply.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return left is long a && right is long b ? a == b : ToDouble(left) == ToDouble(right);
        }

        return (left, right) switch
        {
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(p => AreEqual(p.First, p.Second)),
            (Dictionary<string, object?> a, Dictionary<string, object?> b) =>
                a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && AreEqual(p.Value, v)),
            _ => false,
        };
    }

    /// <summary>Go's <c>%v</c> formatting, which expr's <c>string()</c> uses.</summary>
    public static string Format(object? value) => value switch
    {
        null => "<nil>",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => GoFloat.FormatG(d),
        string s => s,
        List<object?> list => "[" + string.Join(' ', list.Select(Format)) + "]",
        Dictionary<string, object?> map => "map[" + string.Join(' ', map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Format(p.Value))) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
