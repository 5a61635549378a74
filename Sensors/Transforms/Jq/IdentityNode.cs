namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>.</c></summary>
internal sealed class IdentityNode : JqNode
{
    public static readonly IdentityNode Instance = new();

    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        yield return input;
    }

    public override IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env)
    {
        yield return current;
    }
}
