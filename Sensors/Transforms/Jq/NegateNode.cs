namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>Unary <c>-E</c>.</summary>
internal sealed class NegateNode(JqNode operand) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env) =>
        operand.Eval(input, env).Select(v => v is double d
            ? (object?)-d
            : throw JqException.Runtime($"{JqJson.Describe(v)} cannot be negated"));
}
