namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// <c>A // B</c>: the outputs of A that are neither false nor null (errors in A count as no output); B's outputs if
/// there are none.
/// </summary>
internal sealed class AlternativeNode(JqNode left, JqNode right) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        var any = false;
        foreach (var v in TryNode.Guard(() => left.Eval(input, env), null))
        {
            if (JqJson.IsTruthy(v))
            {
                any = true;
                yield return v;
            }
        }

        if (!any)
        {
            foreach (var v in right.Eval(input, env))
            {
                yield return v;
            }
        }
    }

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env)
    {
        var any = false;
        foreach (var p in TryNode.Guard(() => left.Paths(current, env), null))
        {
            if (JqJson.IsTruthy(p.Value))
            {
                any = true;
                yield return p;
            }
        }

        if (!any)
        {
            foreach (var p in right.Paths(current, env))
            {
                yield return p;
            }
        }
    }
}
