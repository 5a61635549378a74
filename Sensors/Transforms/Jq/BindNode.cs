namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>E as $x | body</c>: body runs on the same input once per output of E, with the pattern bound.</summary>
internal sealed class BindNode(JqNode source, JqPattern pattern, JqNode body) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env) =>
        source.Eval(input, env)
            .SelectMany(v => pattern.Bind(v, input, env))
            .SelectMany(e => body.Eval(input, e));

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env) =>
        source.Eval(current.Value, env)
            .SelectMany(v => pattern.Bind(v, current.Value, env))
            .SelectMany(e => body.Paths(current, e));
}
