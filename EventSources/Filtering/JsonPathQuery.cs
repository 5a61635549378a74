using System.Globalization;
using System.Text.Json;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>
/// Argo's <c>jsonpath(json, path)</c> for definite paths: <c>$</c> followed by <c>.name</c>, <c>['name']</c>,
/// <c>["name"]</c> and <c>[index]</c> (negative from the end). A missing key or index is an error, as in Argo.
/// Wildcards, slices, filters and recursive descent are refused.
/// </summary>
internal sealed class JsonPathQuery
{
    private readonly IReadOnlyList<object> _steps;

    private JsonPathQuery(IReadOnlyList<object> steps) => _steps = steps;

    /// <exception cref="ExprRuntimeException">The path is not a supported definite path.</exception>
    public static JsonPathQuery Parse(string path)
    {
        var steps = new List<object>();
        if (!path.StartsWith('$'))
        {
            throw Unsupported(path, "it must start with '$'");
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var start = ++i;
                while (i < path.Length && (char.IsLetterOrDigit(path[i]) || path[i] is '_' or '-'))
                {
                    i++;
                }

                if (i == start)
                {
                    throw Unsupported(path, $"expected a key name at offset {start} (wildcards and '..' are not supported)");
                }

                steps.Add(path[start..i]);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    throw Unsupported(path, "unterminated '['");
                }

                var inner = path[(i + 1)..end].Trim();
                if (inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0])
                {
                    steps.Add(inner[1..^1]);
                }
                else if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(index);
                }
                else
                {
                    throw Unsupported(path, $"'[{inner}]' is not a key or an index (wildcards, slices and filters are not supported)");
                }

                i = end + 1;
            }
            else
            {
                throw Unsupported(path, $"unexpected '{path[i]}' at offset {i}");
            }
        }

        return new JsonPathQuery(steps);
    }

    public object? Evaluate(string json)
    {
        object? value;
        try
        {
            using var document = JsonDocument.Parse(json);
            value = ExprValues.FromJson(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ExprRuntimeException($"jsonpath: the input is not JSON: {e.Message}");
        }

        foreach (var step in _steps)
        {
            value = (step, value) switch
            {
                (string key, Dictionary<string, object?> map) => map.TryGetValue(key, out var found) ? found : throw new ExprRuntimeException($"jsonpath: key '{key}' not found"),
                (int index, List<object?> list) when (index < 0 ? index + list.Count : index) is var at && at >= 0 && at < list.Count => list[at],
                (int index, List<object?>) => throw new ExprRuntimeException($"jsonpath: index {index} out of range"),
                _ => throw new ExprRuntimeException($"jsonpath: cannot apply {step} to {ExprValues.TypeName(value)}"),
            };
        }

        return value;
    }

    private static ExprRuntimeException Unsupported(string path, string why) => new($"jsonpath: unsupported path '{path}': {why}");
}
