namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>E[]</c>: every element of an array or value of an object.</summary>
internal sealed class IterateNode(JqNode target) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env) =>
        target.Eval(input, env).SelectMany(JqPaths.Iterate);

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env)
    {
        foreach (var p in target.Paths(current, env))
        {
            foreach (var k in JqPaths.IterateKeys(p.Value))
            {
                yield return p.Child(k, JqPaths.Index(p.Value, k));
            }
        }
    }
}
