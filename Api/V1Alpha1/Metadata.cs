namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>Metadata</c>: the labels and annotations put on a generated pod or service.</summary>
public sealed record Metadata
{
    /// <summary><c>annotations</c>.</summary>
    [ManifestField("annotations")]
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>labels</c>.</summary>
    [ManifestField("labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap<string>.Instance;
}
