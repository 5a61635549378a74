using System.Text.Json;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>
/// One event's <c>filter.expression</c>, compiled once: the payload's top-level keys (with <c>-</c> read as
/// <c>_</c>, and dotted keys read as paths) are its variables, and the event is kept only when the expression yields
/// true.
/// </summary>
internal sealed class EventFilter
{
    private readonly ExprNode _root;

    private EventFilter(string expression, ExprNode root)
    {
        Expression = expression;
        _root = root;
    }

    public string Expression { get; }

    /// <exception cref="ExprSyntaxException">The expression is malformed or outside the supported subset.</exception>
    public static EventFilter Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new EventFilter(expression, ExprParser.Parse(expression));
    }

    /// <summary>Whether the event passes.</summary>
    /// <exception cref="ExprRuntimeException">The payload is not a JSON object, evaluation failed, or the result is not a bool.</exception>
    public bool Matches(ReadOnlyMemory<byte> payload) => Evaluate(Environment(payload));

    /// <summary>Evaluates against ready variables.</summary>
    public bool Evaluate(IReadOnlyDictionary<string, object?> variables)
    {
        var result = _root.Evaluate(variables);
        return result as bool? ?? throw new ExprRuntimeException($"the expression yielded {ExprValues.Format(result)} ({ExprValues.TypeName(result)}), not a bool");
    }

    /// <summary>The payload as variables: a JSON object whose top-level keys have '-' replaced by '_', as Argo does.</summary>
    public static Dictionary<string, object?> Environment(ReadOnlyMemory<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw new ExprRuntimeException($"failed to unmarshal data, {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ExprRuntimeException($"failed to unmarshal data, a JSON {document.RootElement.ValueKind} is not an object");
            }

            var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
            var dotted = false;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = property.Name.Replace('-', '_');
                variables[name] = ExprValues.FromJson(property.Value);
                dotted |= name.Contains('.', StringComparison.Ordinal);
            }

            return dotted ? Expand(variables) : variables;
        }
    }

    /// <summary>
    /// Argo reads top-level keys with dots as paths (<c>{"a.b":1}</c> is <c>a.b</c>), and drops a key that is the
    /// parent of the key sorted right after it (<c>"a"</c> beside <c>"a.b"</c>), so the more specific one wins.
    /// </summary>
    private static Dictionary<string, object?> Expand(Dictionary<string, object?> variables)
    {
        var keys = variables.Keys.Order(StringComparer.Ordinal).ToList();
        var expanded = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (i + 1 < keys.Count && keys[i + 1].StartsWith(key + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var segments = key.Split('.');
            var map = expanded;
            foreach (var segment in segments.AsSpan(0, segments.Length - 1))
            {
                // The variables are this evaluation's own copies, so a map already there may take the nested key.
                if (map.GetValueOrDefault(segment) is not Dictionary<string, object?> child)
                {
                    child = new Dictionary<string, object?>(StringComparer.Ordinal);
                    map[segment] = child;
                }

                map = child;
            }

            map[segments[^1]] = variables[key];
        }

        return expanded;
    }
}
