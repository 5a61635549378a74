using System.Collections.Immutable;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// <c>{k: v, ...}</c>: one object per combination of the keys' and values' outputs, the first entry varying slowest.
/// </summary>
internal sealed class ObjectNode(IReadOnlyList<(JqNode Key, JqNode Value)> entries) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env) => Build(0, JqJson.EmptyObject, input, env);

    private IEnumerable<object?> Build(int at, ImmutableSortedDictionary<string, object?> acc, object? input, JqEnv env)
    {
        if (at == entries.Count)
        {
            yield return acc;
            yield break;
        }

        var (keyNode, valueNode) = entries[at];
        foreach (var k in keyNode.Eval(input, env))
        {
            if (k is not string key)
            {
                throw JqException.Runtime(k is null
                    ? "Object keys must be strings"
                    : $"Object keys must be strings, not {JqJson.Describe(k)}");
            }

            foreach (var v in valueNode.Eval(input, env))
            {
                foreach (var o in Build(at + 1, acc.SetItem(key, v), input, env))
                {
                    yield return o;
                }
            }
        }
    }
}
