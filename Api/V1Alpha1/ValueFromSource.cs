namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>ValueFromSource</c>: a key of a Secret or of a ConfigMap.</summary>
public sealed record ValueFromSource
{
    /// <summary><c>secretKeyRef</c>.</summary>
    [ManifestField("secretKeyRef")]
    public SecretKeySelector? SecretKeyRef { get; init; }

    /// <summary><c>configMapKeyRef</c>.</summary>
    [ManifestField("configMapKeyRef")]
    public ConfigMapKeySelector? ConfigMapKeyRef { get; init; }
}
