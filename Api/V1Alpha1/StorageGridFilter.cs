namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>StorageGridFilter</c>: object key prefix and suffix.</summary>
public sealed record StorageGridFilter
{
    /// <summary><c>prefix</c>: the key prefix.</summary>
    [ManifestField("prefix")]
    public string? Prefix { get; init; }

    /// <summary><c>suffix</c>: the key suffix.</summary>
    [ManifestField("suffix")]
    public string? Suffix { get; init; }
}
