using System.Collections.Immutable;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>[E]</c>: all outputs of E collected into one array (<c>[]</c> when E is absent).</summary>
internal sealed class ArrayNode(JqNode? body) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        yield return body is null ? JqJson.EmptyArray : body.Eval(input, env).ToImmutableList();
    }
}
