namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// A string with <c>\(E)</c> interpolations, optionally under a format (<c>@base64 "x\(.)"</c>): each interpolated
/// value is rendered by the format (plain strings are inserted as is, other values as JSON), one string per
/// combination of outputs.
/// </summary>
internal sealed class StringNode(IReadOnlyList<object> parts, string format) : JqNode
{
    // As in jq, where interpolation is a chain of additions, later parts vary slowest.
    public override IEnumerable<object?> Eval(object? input, JqEnv env) =>
        Build(parts.Count - 1, input, env).Select(s => (object?)s);

    private IEnumerable<string> Build(int last, object? input, JqEnv env)
    {
        if (last < 0)
        {
            yield return string.Empty;
            yield break;
        }

        IEnumerable<string> rendered = parts[last] is string literal
            ? [literal]
            : ((JqNode)parts[last]).Eval(input, env).Select(v => JqFormats.Apply(format, v));
        foreach (var tail in rendered)
        {
            foreach (var head in Build(last - 1, input, env))
            {
                yield return head + tail;
            }
        }
    }
}
