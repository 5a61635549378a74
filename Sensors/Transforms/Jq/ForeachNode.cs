namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// <c>foreach SOURCE as $x (INIT; UPDATE; EXTRACT)</c>: like reduce, but every output of UPDATE becomes the state
/// and is emitted (through EXTRACT when given).
/// </summary>
internal sealed class ForeachNode(JqNode source, JqPattern pattern, JqNode init, JqNode update, JqNode? extract) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        foreach (var start in init.Eval(input, env))
        {
            var state = start;
            foreach (var item in source.Eval(input, env))
            {
                foreach (var bound in pattern.Bind(item, input, env))
                {
                    foreach (var u in update.Eval(state, bound).ToList())
                    {
                        state = u;
                        if (extract is null)
                        {
                            yield return u;
                        }
                        else
                        {
                            foreach (var x in extract.Eval(u, bound))
                            {
                                yield return x;
                            }
                        }
                    }
                }
            }
        }
    }
}
