namespace ArgoEvents.EventSources.Filtering;

/// <summary>A node of a compiled expression; evaluation follows expr-lang's runtime.</summary>
internal abstract class ExprNode(int position)
{
    /// <summary>Where the node starts in the expression (0-based).</summary>
    public int Position { get; } = position;

    public abstract object? Evaluate(IReadOnlyDictionary<string, object?> env);
}

internal sealed class LiteralNode(int position, object? value) : ExprNode(position)
{
    public object? Value { get; } = value;

    public override object? Evaluate(IReadOnlyDictionary<string, object?> env) => Value;
}

/// <summary>A variable: a top-level key of the payload; absent keys are nil, as with expr's map environments.</summary>
internal sealed class IdentifierNode(int position, string name) : ExprNode(position)
{
    public string Name { get; } = name;

    public override object? Evaluate(IReadOnlyDictionary<string, object?> env) => env.TryGetValue(Name, out var value) ? value : null;
}

internal sealed class ArrayNode(int position, IReadOnlyList<ExprNode> items) : ExprNode(position)
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> env) => items.Select(i => i.Evaluate(env)).ToList();
}

internal sealed class MapNode(int position, IReadOnlyList<(string Key, ExprNode Value)> entries) : ExprNode(position)
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> env)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value.Evaluate(env);
        }

        return map;
    }
}

/// <summary><c>a.b</c>, <c>a["b"]</c>, <c>a[0]</c>, and their <c>?.</c> forms, which end the whole chain with nil.</summary>
internal sealed class MemberNode(int position, ExprNode target, ExprNode key, bool optional) : ExprNode(position)
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> env) => EvaluateInChain(env, out _);

    private object? EvaluateInChain(IReadOnlyDictionary<string, object?> env, out bool ended)
    {
        ended = false;
        var value = target is MemberNode member ? member.EvaluateInChain(env, out ended) : target.Evaluate(env);
        if (ended || (value is null && optional))
        {
            ended = true;
            return null;
        }

        return ExprOperations.Fetch(value, key.Evaluate(env));
    }
}

internal sealed class UnaryNode(int position, string op, ExprNode operand) : ExprNode(position)
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> env)
    {
        var value = operand.Evaluate(env);
        return op switch
        {
            "!" or "not" => value is bool b ? !b : throw new ExprRuntimeException($"invalid operation: {op} {ExprValues.TypeName(value)}"),
            "-" => value switch
            {
                long l => (object)unchecked(-l),
                double d => -d,
                _ => throw new ExprRuntimeException($"invalid operation: - {ExprValues.TypeName(value)}"),
            },
            _ => ExprValues.IsNumber(value) ? value : throw new ExprRuntimeException($"invalid operation: + {ExprValues.TypeName(value)}"),
        };
    }
}

/// <summary><c>and</c>/<c>or</c>: the right side is evaluated only when needed; both sides must be bool.</summary>
internal sealed class LogicalNode(int position, bool isAnd, ExprNode left, ExprNode right) : ExprNode(position)
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> env)
    {
        var name = isAnd ? "&&" : "||";
        var l = left.Evaluate(env) as bool? ?? throw new ExprRuntimeException($"invalid operation: non-bool operand of {name}");
        if (l != isAnd)
        {
            return l;
        }

        return right.Evaluate(env) as bool? ?? throw new ExprRuntimeException($"invalid operation: non-bool operand of {name}");
    }
}

internal sealed class BinaryNode(int position, string op, ExprNode left, ExprNode right, bool negate) : ExprNode(position)
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> env)
    {
        var result = ExprOperations.Binary(op, left.Evaluate(env), right.Evaluate(env));
        return negate ? !(bool)result! : result;
    }
}

/// <summary><c>matches</c> with a literal pattern, compiled once at start.</summary>
internal sealed class MatchesLiteralNode(int position, ExprNode left, System.Text.RegularExpressions.Regex pattern, bool negate) : ExprNode(position)
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> env)
    {
        var value = left.Evaluate(env) as string ?? throw new ExprRuntimeException("invalid operation: matches on a non-string value");
        return pattern.IsMatch(value) != negate;
    }
}

internal sealed class ConditionalNode(int position, ExprNode condition, ExprNode whenTrue, ExprNode whenFalse) : ExprNode(position)
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> env) =>
        condition.Evaluate(env) is bool b
            ? (b ? whenTrue : whenFalse).Evaluate(env)
            : throw new ExprRuntimeException("non-bool expression used as condition of the ternary operator");
}

internal sealed class CoalesceNode(int position, ExprNode left, ExprNode right) : ExprNode(position)
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> env) => left.Evaluate(env) ?? right.Evaluate(env);
}

internal sealed class CallNode(int position, ExprFunction function, IReadOnlyList<ExprNode> arguments) : ExprNode(position)
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> env)
    {
        var values = new object?[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = arguments[i].Evaluate(env);
        }

        return function.Invoke(values);
    }
}
