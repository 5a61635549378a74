namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// <c>reduce SOURCE as $x (INIT; UPDATE)</c>: the state starts as each output of INIT and becomes the last output of
/// UPDATE for every output of SOURCE (null when UPDATE yields nothing).
/// </summary>
internal sealed class ReduceNode(JqNode source, JqPattern pattern, JqNode init, JqNode update) : JqNode
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
                    object? last = null;
                    foreach (var u in update.Eval(state, bound))
                    {
                        last = u;
                    }

                    state = last;
                }
            }

            yield return state;
        }
    }
}
