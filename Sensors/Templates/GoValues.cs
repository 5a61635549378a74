using System.Text.Json;

namespace ArgoEvents.Sensors.Templates;

/// <summary>
/// The Go value model templates work on: <c>null</c>, <see cref="string"/>, <see cref="bool"/>, <see cref="double"/>
/// (float64), <see cref="long"/> (Go ints from literals and functions), <see cref="IReadOnlyDictionary{TKey, TValue}"/>
/// of string to value (maps) and <see cref="IReadOnlyList{T}"/> of values (slices).
/// </summary>
public static class GoValues
{
    internal static readonly object True = true;
    internal static readonly object False = false;

    /// <summary>
    /// Converts <paramref name="element"/> as Go's <c>json.Unmarshal</c> into <c>interface{}</c> does: every number
    /// becomes a float64, objects become maps and arrays become slices.
    /// </summary>
    public static object? FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.GetDouble();
            case JsonValueKind.True:
                return True;
            case JsonValueKind.False:
                return False;
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    // Go keeps the last of duplicated keys.
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
            default:
                return null;
        }
    }

    internal static object Box(bool value) => value ? True : False;

    /// <summary>Go template truth: empty strings, zero numbers, false, nil and empty maps or slices are false.</summary>
    internal static bool IsTrue(object? value) => value switch
    {
        null => false,
        string s => s.Length > 0,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        IReadOnlyDictionary<string, object?> m => m.Count > 0,
        IReadOnlyList<object?> l => l.Count > 0,
        _ => true,
    };

    /// <summary>The Go type name used in error messages.</summary>
    internal static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        string => "string",
        bool => "bool",
        long => "int",
        double => "float64",
        IReadOnlyDictionary<string, object?> => "map[string]interface {}",
        IReadOnlyList<string> => "[]string",
        IReadOnlyList<object?> => "[]interface {}",
        _ => value.GetType().Name,
    };
}
