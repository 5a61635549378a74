namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>E[from:to]</c> on arrays and strings (code points); either bound may be omitted.</summary>
internal sealed class SliceNode(JqNode target, JqNode? from, JqNode? to) : JqNode
{
    private static readonly JqNode NullBound = new LiteralNode(null);

    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        foreach (var t in (to ?? NullBound).Eval(input, env))
        {
            foreach (var f in (from ?? NullBound).Eval(input, env))
            {
                foreach (var v in target.Eval(input, env))
                {
                    yield return JqPaths.Slice(v, f, t);
                }
            }
        }
    }

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env)
    {
        foreach (var t in (to ?? NullBound).Eval(current.Value, env))
        {
            foreach (var f in (from ?? NullBound).Eval(current.Value, env))
            {
                foreach (var p in target.Paths(current, env))
                {
                    yield return p.Child(JqPaths.SliceKey(f, t), JqPaths.Slice(p.Value, f, t));
                }
            }
        }
    }
}
