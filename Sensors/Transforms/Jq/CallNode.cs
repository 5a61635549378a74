namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>A call of a builtin, resolved when the program was parsed.</summary>
internal sealed class CallNode(JqBuiltin builtin, JqNode[] args) : JqNode
{
    // Iterators keep calls lazy, so a builtin's error surfaces when its output is requested (inside the enclosing
    // try, after the outputs that precede it), as jq's generators do.
    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        foreach (var v in builtin.Eval(input, args, env))
        {
            yield return v;
        }
    }

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env)
    {
        var paths = builtin.Paths is { } p ? p(current, args, env) : base.Paths(current, env);
        foreach (var path in paths)
        {
            yield return path;
        }
    }
}
