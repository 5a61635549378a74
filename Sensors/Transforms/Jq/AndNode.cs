namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>A and B</c>, short-circuiting on a false left operand.</summary>
internal sealed class AndNode(JqNode left, JqNode right) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        foreach (var l in left.Eval(input, env))
        {
            if (!JqJson.IsTruthy(l))
            {
                yield return false;
                continue;
            }

            foreach (var r in right.Eval(input, env))
            {
                yield return JqJson.IsTruthy(r);
            }
        }
    }
}
