namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>TriggerParameterSource</c>: the event of one dependency, and which part of it. Data keys and templates
/// win over context ones; <c>value</c> is the fallback.
/// </summary>
public sealed record TriggerParameterSource
{
    /// <summary><c>dependencyName</c>: the dependency whose event is read.</summary>
    [ManifestField("dependencyName")]
    public string? DependencyName { get; init; }

    /// <summary><c>contextKey</c>: a gjson path into the event context.</summary>
    [ManifestField("contextKey")]
    public string? ContextKey { get; init; }

    /// <summary><c>contextTemplate</c>: a Go template over the event context.</summary>
    [ManifestField("contextTemplate")]
    public string? ContextTemplate { get; init; }

    /// <summary><c>dataKey</c>: a gjson path into the event data.</summary>
    [ManifestField("dataKey")]
    public string? DataKey { get; init; }

    /// <summary><c>dataTemplate</c>: a Go template over the event data.</summary>
    [ManifestField("dataTemplate")]
    public string? DataTemplate { get; init; }

    /// <summary><c>value</c>: the literal used when nothing else resolves.</summary>
    [ManifestField("value")]
    public string? Value { get; init; }

    /// <summary><c>useRawData</c>: keep numbers, booleans and JSON as they are instead of turning them into text.</summary>
    [ManifestField("useRawData")]
    public bool UseRawData { get; init; }
}
