namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Kubernetes <c>ConfigMapKeySelector</c>: one key of a ConfigMap.</summary>
public sealed record ConfigMapKeySelector
{
    /// <summary><c>name</c>: the ConfigMap.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>key</c>: the key inside the ConfigMap.</summary>
    [ManifestField("key")]
    public string? Key { get; init; }

    /// <summary><c>optional</c>: whether the ConfigMap or key may be missing.</summary>
    [ManifestField("optional")]
    public bool? Optional { get; init; }
}
