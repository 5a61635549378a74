namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SecureHeader</c>: a header whose value is read from a Secret or a ConfigMap.</summary>
public sealed record SecureHeader
{
    /// <summary><c>name</c>: the header name.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>valueFrom</c>: where the value is read from.</summary>
    [ManifestField("valueFrom")]
    public ValueFromSource? ValueFrom { get; init; }
}
