namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>if C then A else B end</c> (<c>elif</c> nests; a missing <c>else</c> is <c>.</c>).</summary>
internal sealed class IfNode(JqNode condition, JqNode then, JqNode otherwise) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env) =>
        condition.Eval(input, env).SelectMany(c => (JqJson.IsTruthy(c) ? then : otherwise).Eval(input, env));

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env) =>
        condition.Eval(current.Value, env).SelectMany(c => (JqJson.IsTruthy(c) ? then : otherwise).Paths(current, env));
}
