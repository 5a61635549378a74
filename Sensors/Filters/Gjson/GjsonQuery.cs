using System.Text.Json;

namespace ArgoEvents.Sensors.Filters.Gjson;

/// <summary>
/// The condition inside <c>#(...)</c>: a path relative to each element, optionally an operator and a literal. Comparison
/// follows the element's type as gjson does: strings compare as strings (<c>%</c> / <c>!%</c> are wildcard matches),
/// numbers as numbers (the literal parsed as a float), booleans by their literal, anything else never matches.
/// </summary>
internal sealed class GjsonQuery(GjsonPath? left, string op, string literal)
{
    private readonly double _number = GoStrconv.TryParseFloat(literal, out var n) ? n : 0;

    /// <summary>Whether <paramref name="element"/> meets the condition.</summary>
    public bool Matches(JsonElement element)
    {
        var value = left is null ? GjsonResult.FromElement(element) : left.Get(element);
        if (!value.Exists)
        {
            return false;
        }

        if (op.Length == 0)
        {
            return true;
        }

        switch (value.Type)
        {
            case GjsonType.String:
                var s = value.ToString();
                var c = string.CompareOrdinal(s, literal);
                return op switch
                {
                    "==" => c == 0,
                    "!=" => c != 0,
                    "<" => c < 0,
                    "<=" => c <= 0,
                    ">" => c > 0,
                    ">=" => c >= 0,
                    "%" => GlobPattern.IsMatch(literal, s),
                    "!%" => !GlobPattern.IsMatch(literal, s),
                    _ => false,
                };
            case GjsonType.Number:
                var d = value.ToDouble();
                return op switch
                {
                    "==" => d == _number,
                    "!=" => d != _number,
                    "<" => d < _number,
                    "<=" => d <= _number,
                    ">" => d > _number,
                    ">=" => d >= _number,
                    _ => false,
                };
            case GjsonType.True:
                return op switch
                {
                    "==" => literal == "true",
                    "!=" => literal != "true",
                    ">" => literal == "false",
                    ">=" => true,
                    _ => false,
                };
            case GjsonType.False:
                return op switch
                {
                    "==" => literal == "false",
                    "!=" => literal != "false",
                    "<" => literal == "true",
                    "<=" => true,
                    _ => false,
                };
            default:
                return false;
        }
    }
}
