namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>A | B</c></summary>
internal sealed class PipeNode(JqNode left, JqNode right) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env) =>
        left.Eval(input, env).SelectMany(v => right.Eval(v, env));

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env) =>
        left.Paths(current, env).SelectMany(p => right.Paths(p, env));
}
