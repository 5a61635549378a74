namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// A sensor artifact's <c>configmap</c>: Kubernetes' <c>ConfigMapKeySelector</c>, plus the <c>namespace</c> that Argo
/// before 1.0 read; Argo now uses the sensor's own namespace, so that field is accepted and ignored.
/// </summary>
public sealed record ConfigMapArtifact
{
    /// <summary><c>name</c>: the ConfigMap.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>key</c>: the key holding the manifest.</summary>
    [ManifestField("key")]
    public string? Key { get; init; }

    /// <summary><c>optional</c>: whether the ConfigMap or key may be missing.</summary>
    [ManifestField("optional")]
    public bool? Optional { get; init; }

    /// <summary><c>namespace</c>: read by Argo before 1.0; accepted and ignored.</summary>
    [ManifestField("namespace")]
    public string? DeprecatedNamespace { get; init; }
}
