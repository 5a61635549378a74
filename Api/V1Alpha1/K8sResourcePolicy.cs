namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>K8SResourcePolicy</c>: poll the created object until it carries <c>labels</c>.</summary>
public sealed record K8sResourcePolicy
{
    /// <summary><c>labels</c>: the labels that mean success.</summary>
    [ManifestField("labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>backoff</c>: how often and how long to poll.</summary>
    [ManifestField("backoff")]
    public Backoff? Backoff { get; init; }

    /// <summary><c>errorOnBackoffTimeout</c>: fail the trigger when the labels never appear.</summary>
    [ManifestField("errorOnBackoffTimeout")]
    public bool ErrorOnBackoffTimeout { get; init; }
}
