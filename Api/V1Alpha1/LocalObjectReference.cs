namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Kubernetes <c>LocalObjectReference</c>: an object in the same namespace, by name (image pull secrets).</summary>
public sealed record LocalObjectReference
{
    /// <summary><c>name</c>.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }
}
