using System.Text.Json;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>
/// One event's <c>filter.expression</c>, compiled once: the payload's top-level keys (with <c>-</c> read as
/// <c>_</c>) are its variables, and the event is kept only when the expression yields true.
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
            foreach (var property in document.RootElement.EnumerateObject())
            {
                variables[property.Name.Replace('-', '_')] = ExprValues.FromJson(property.Value);
            }

            return variables;
        }
    }
}
