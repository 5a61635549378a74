namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>Arithmetic and comparison operators; as in jq the right operand is the outer loop.</summary>
internal sealed class BinaryNode(JqBinaryOperator op, JqNode left, JqNode right) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        foreach (var r in right.Eval(input, env))
        {
            foreach (var l in left.Eval(input, env))
            {
                yield return JqArithmetic.Apply(op, l, r);
            }
        }
    }
}
