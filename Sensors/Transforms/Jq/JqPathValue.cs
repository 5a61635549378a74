using System.Collections.Immutable;

namespace ArgoEvents.Sensors.Transforms.Jq;

/// <summary>A value together with the path it was reached by from the root of a path expression.</summary>
internal readonly record struct JqPathValue(ImmutableList<object?> Path, object? Value)
{
    public JqPathValue Child(object? key, object? value) => new(Path.Add(key), value);
}
