namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>A constant: number, string without interpolation, <c>true</c>, <c>false</c>, <c>null</c>.</summary>
internal sealed class LiteralNode(object? value) : JqNode
{
    public object? Value { get; } = value;

    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        yield return Value;
    }
}
