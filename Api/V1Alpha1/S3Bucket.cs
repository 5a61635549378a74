namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>S3Bucket</c>.</summary>
public sealed record S3Bucket
{
    /// <summary><c>key</c>: an object key.</summary>
    [ManifestField("key")]
    public string? Key { get; init; }

    /// <summary><c>name</c>: the bucket name.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }
}
