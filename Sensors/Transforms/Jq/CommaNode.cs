namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>A, B</c>: the outputs of A, then those of B.</summary>
internal sealed class CommaNode(JqNode left, JqNode right) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env) =>
        left.Eval(input, env).Concat(right.Eval(input, env));

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env) =>
        left.Paths(current, env).Concat(right.Paths(current, env));
}
