namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>E.name</c>, <c>E."key"</c>, <c>E[K]</c>: the key expression runs against the same input as E.</summary>
internal sealed class IndexNode(JqNode target, JqNode key) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        foreach (var k in key.Eval(input, env))
        {
            foreach (var t in target.Eval(input, env))
            {
                yield return JqPaths.Index(t, k);
            }
        }
    }

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env)
    {
        foreach (var k in key.Eval(current.Value, env))
        {
            foreach (var t in target.Paths(current, env))
            {
                yield return t.Child(k, JqPaths.Index(t.Value, k));
            }
        }
    }
}
