namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>ArtifactLocation</c>: where a trigger's Kubernetes manifest comes from. <c>resource</c> is the manifest
/// itself, kept as an untyped tree because it may be any Kubernetes object.
/// </summary>
public sealed record ArtifactLocation
{
    /// <summary><c>s3</c>: an object in an S3 bucket.</summary>
    [ManifestField("s3")]
    public S3Artifact? S3 { get; init; }

    /// <summary><c>inline</c>: the manifest as text.</summary>
    [ManifestField("inline")]
    public string? Inline { get; init; }

    /// <summary><c>file</c>: a file in the sensor's container.</summary>
    [ManifestField("file")]
    public FileArtifact? File { get; init; }

    /// <summary><c>url</c>: fetched over HTTP.</summary>
    [ManifestField("url")]
    public UrlArtifact? Url { get; init; }

    /// <summary><c>configmap</c>: a key of a ConfigMap.</summary>
    [ManifestField("configmap")]
    public ConfigMapArtifact? ConfigMap { get; init; }

    /// <summary><c>git</c>: a file in a Git repository.</summary>
    [ManifestField("git")]
    public GitArtifact? Git { get; init; }

    /// <summary><c>resource</c>: the Kubernetes object, untyped.</summary>
    [ManifestField("resource")]
    public ManifestNode? Resource { get; init; }

    /// <summary>The keys of the locations that are written, in field order.</summary>
    public IReadOnlyList<string> DefinedLocations =>
        new (string Key, object? Value)[]
            {
                ("s3", S3), ("inline", Inline), ("file", File), ("url", Url), ("configmap", ConfigMap), ("git", Git), ("resource", Resource),
            }
            .Where(location => location.Value is not null)
            .Select(location => location.Key)
            .ToList();
}
