namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>$name</c></summary>
internal sealed class VariableNode(string name) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        yield return env.Lookup(name);
    }
}
