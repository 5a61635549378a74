using System.Text.RegularExpressions;

namespace ArgoEvents.Sensors.Filters.Expressions;

/// <summary>A node of a parsed expression; evaluates against parameter values bound by slot.</summary>
internal abstract class ExprNode
{
    public abstract ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters);

    protected static double Num(ExprValue v, string op) => v.Kind == ExprValueKind.Number
        ? v.Number
        : throw new ExprRuntimeException($"value '{v}' cannot be used with the operator '{op}', it is not a number");

    protected static bool Boolean(ExprValue v, string op) => v.Kind == ExprValueKind.Bool
        ? v.Bool
        : throw new ExprRuntimeException($"value '{v}' cannot be used with the operator '{op}', it is not a bool");

    protected static string Str(ExprValue v, string op) => v.Kind == ExprValueKind.String
        ? v.String
        : throw new ExprRuntimeException($"value '{v}' cannot be used with the operator '{op}', it is not a string");
}

/// <summary>A literal number, string or boolean.</summary>
internal sealed class LiteralNode(ExprValue value) : ExprNode
{
    public ExprValue Value { get; } = value;

    public override ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters) => Value;
}

/// <summary>A parameter, optionally followed by accessors into an object (<c>a.b.c</c> when only <c>a</c> is bound).</summary>
internal sealed class ParameterNode(string name, int slot, string[] accessors) : ExprNode
{
    public override ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters)
    {
        if (slot < 0)
        {
            throw new ExprRuntimeException($"no parameter '{name}' found");
        }

        var value = parameters[slot];
        foreach (var member in accessors)
        {
            if (value.Kind != ExprValueKind.Object || !value.Members.TryGetValue(member, out value))
            {
                throw new ExprRuntimeException($"parameter '{name}' has no member '{member}'");
            }
        }

        return value;
    }
}

/// <summary>A parenthesised, comma-separated list: the right side of <c>in</c>.</summary>
internal sealed class ArrayNode(ExprNode[] items) : ExprNode
{
    public override ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters)
    {
        var values = new ExprValue[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            values[i] = items[i].Evaluate(parameters);
        }

        return ExprValue.FromArray(values);
    }
}

/// <summary>Prefix <c>-</c>, <c>!</c> and <c>~</c>.</summary>
internal sealed class UnaryNode(string op, ExprNode operand) : ExprNode
{
    public override ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters)
    {
        var v = operand.Evaluate(parameters);
        return op switch
        {
            "-" => ExprValue.FromNumber(-Num(v, op)),
            "!" => ExprValue.FromBool(!Boolean(v, op)),
            _ => ExprValue.FromNumber(~(long)Num(v, op)),
        };
    }
}

/// <summary><c>&amp;&amp;</c> and <c>||</c>, short-circuiting; both sides must be booleans.</summary>
internal sealed class LogicalNode(bool isAnd, ExprNode left, ExprNode right) : ExprNode
{
    public override ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters)
    {
        var op = isAnd ? "&&" : "||";
        var l = Boolean(left.Evaluate(parameters), op);
        if (l != isAnd)
        {
            return ExprValue.FromBool(l);
        }

        return ExprValue.FromBool(Boolean(right.Evaluate(parameters), op));
    }
}

/// <summary><c>c ? a : b</c> (and <c>c ? a</c>, nil when false).</summary>
internal sealed class TernaryNode(ExprNode condition, ExprNode whenTrue, ExprNode? whenFalse) : ExprNode
{
    public override ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters)
    {
        if (Boolean(condition.Evaluate(parameters), "?"))
        {
            return whenTrue.Evaluate(parameters);
        }

        return whenFalse is null ? ExprValue.Null : whenFalse.Evaluate(parameters);
    }
}

/// <summary><c>a ?? b</c>: a unless it is nil.</summary>
internal sealed class CoalesceNode(ExprNode left, ExprNode right) : ExprNode
{
    public override ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters)
    {
        var l = left.Evaluate(parameters);
        return l.Kind != ExprValueKind.Null ? l : right.Evaluate(parameters);
    }
}

/// <summary><c>=~</c> and <c>!~</c>: RE2 match of the left string; a literal pattern is compiled once.</summary>
internal sealed class RegexNode(bool negate, ExprNode left, ExprNode right) : ExprNode
{
    private readonly Regex? _constant = right is LiteralNode { Value.Kind: ExprValueKind.String } literal ? Re2Regex.Compile(literal.Value.String) : null;

    public override ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters)
    {
        var op = negate ? "!~" : "=~";
        var subject = Str(left.Evaluate(parameters), op);
        Regex regex;
        if (_constant is not null)
        {
            regex = _constant;
        }
        else
        {
            try
            {
                regex = Re2Regex.Compile(Str(right.Evaluate(parameters), op));
            }
            catch (ArgumentException e)
            {
                throw new ExprRuntimeException(e.Message);
            }
        }

        return ExprValue.FromBool(regex.IsMatch(subject) != negate);
    }
}

/// <summary>Arithmetic, bitwise, comparison and <c>in</c> operators with govaluate's type rules.</summary>
internal sealed class BinaryNode(string op, ExprNode left, ExprNode right) : ExprNode
{
    public override ExprValue Evaluate(ReadOnlySpan<ExprValue> parameters)
    {
        var l = left.Evaluate(parameters);
        var r = right.Evaluate(parameters);
        switch (op)
        {
            case "==":
                return ExprValue.FromBool(l.Equals(r));
            case "!=":
                return ExprValue.FromBool(!l.Equals(r));
            case ">" or ">=" or "<" or "<=":
                return ExprValue.FromBool(Compare(l, r));
            case "+":
                if (l.Kind == ExprValueKind.String || r.Kind == ExprValueKind.String)
                {
                    return ExprValue.FromString(l.ToString() + r.ToString());
                }

                return ExprValue.FromNumber(Num(l, op) + Num(r, op));
            case "-":
                return ExprValue.FromNumber(Num(l, op) - Num(r, op));
            case "*":
                return ExprValue.FromNumber(Num(l, op) * Num(r, op));
            case "/":
                return ExprValue.FromNumber(Num(l, op) / Num(r, op));
            case "%":
                return ExprValue.FromNumber(Num(l, op) % Num(r, op));
            case "**":
                return ExprValue.FromNumber(Math.Pow(Num(l, op), Num(r, op)));
            case "&":
                return ExprValue.FromNumber((long)Num(l, op) & (long)Num(r, op));
            case "|":
                return ExprValue.FromNumber((long)Num(l, op) | (long)Num(r, op));
            case "^":
                return ExprValue.FromNumber((long)Num(l, op) ^ (long)Num(r, op));
            case "<<":
                return ExprValue.FromNumber((long)Num(l, op) << (int)(ulong)(long)Num(r, op));
            case ">>":
                return ExprValue.FromNumber((long)Num(l, op) >> (int)(ulong)(long)Num(r, op));
            default:
                if (r.Kind != ExprValueKind.Array)
                {
                    throw new ExprRuntimeException($"value '{r}' cannot be used with the operator 'in', it is not an array");
                }

                foreach (var item in r.Items)
                {
                    if (l.Equals(item))
                    {
                        return ExprValue.FromBool(true);
                    }
                }

                return ExprValue.FromBool(false);
        }
    }

    private bool Compare(ExprValue l, ExprValue r)
    {
        int c;
        if (l.Kind == ExprValueKind.Number && r.Kind == ExprValueKind.Number)
        {
            var (a, b) = (l.Number, r.Number);
            return op switch { ">" => a > b, ">=" => a >= b, "<" => a < b, _ => a <= b };
        }

        if (l.Kind == ExprValueKind.String && r.Kind == ExprValueKind.String)
        {
            c = string.CompareOrdinal(l.String, r.String);
            return op switch { ">" => c > 0, ">=" => c >= 0, "<" => c < 0, _ => c <= 0 };
        }

        throw new ExprRuntimeException($"values '{l}' and '{r}' cannot be compared with '{op}': both must be numbers or both strings");
    }
}
