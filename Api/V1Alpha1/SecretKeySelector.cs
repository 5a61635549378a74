namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Kubernetes <c>SecretKeySelector</c>: one key of a Secret.</summary>
public sealed record SecretKeySelector
{
    /// <summary><c>name</c>: the Secret.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>key</c>: the key inside the Secret.</summary>
    [ManifestField("key")]
    public string? Key { get; init; }

    /// <summary><c>optional</c>: whether the Secret or key may be missing.</summary>
    [ManifestField("optional")]
    public bool? Optional { get; init; }
}
