namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary><c>@base64</c>, <c>@json</c>, ... applied to the input.</summary>
internal sealed class FormatNode(string format) : JqNode
{
    public override IEnumerable<object?> Eval(object? input, JqEnv env)
    {
        yield return JqFormats.Apply(format, input);
    }
}
