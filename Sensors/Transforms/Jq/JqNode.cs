using System.Collections.Immutable;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>
/// One compiled jq expression. <see cref="Eval"/> produces its outputs lazily (jq's generators); <see cref="Paths"/>
/// runs it as a path expression (for <c>path(f)</c>, assignments and <c>del</c>), which only some forms support.
/// </summary>
internal abstract class JqNode
{
    public abstract IEnumerable<object?> Eval(object? input, JqEnv env);

    public virtual IEnumerable<JqPathValue> Paths(JqPathValue current, JqEnv env)
    {
        foreach (var v in Eval(current.Value, env))
        {
            throw InvalidPath(v);
        }

        yield break;
    }

    public static JqException InvalidPath(object? value) =>
        JqException.Runtime($"Invalid path expression with result {JqJson.Truncate(JqJson.Dump(value))}");

    public static JqPathValue Root(object? value) => new(ImmutableList<object?>.Empty, value);
}
