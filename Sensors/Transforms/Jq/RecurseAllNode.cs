namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>..</c>: the input and every value inside it, depth first (pre-order).</summary>
internal sealed class RecurseAllNode : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env) =>
        Paths(Root(input), env).Select(p => p.Value);

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env)
    {
        var stack = new Stack<JqPathValue>();
        stack.Push(current);
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            yield return item;
            if (item.Value is System.Collections.Immutable.ImmutableList<object?> or System.Collections.Immutable.ImmutableSortedDictionary<string, object?>)
            {
                var children = JqPaths.IterateKeys(item.Value)
                    .Select(k => item.Child(k, JqPaths.Index(item.Value, k)))
                    .ToList();
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
        }
    }
}
