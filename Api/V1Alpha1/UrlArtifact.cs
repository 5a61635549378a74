namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>URLArtifact</c>: a manifest fetched over HTTP.</summary>
public sealed record UrlArtifact
{
    /// <summary><c>path</c>: the complete URL.</summary>
    [ManifestField("path")]
    public string? Path { get; init; }

    /// <summary><c>verifyCert</c>: verify the server certificate.</summary>
    [ManifestField("verifyCert")]
    public bool VerifyCert { get; init; }

    /// <summary>
    /// <c>verifycert</c>: the lower-case spelling Argo's <c>url-sensor</c> example writes, which Go's case-insensitive
    /// JSON decoding reads as <c>verifyCert</c>; kept apart so it is written back as it was read.
    /// </summary>
    [ManifestField("verifycert")]
    public bool? LowercaseVerifyCert { get; init; }

    /// <summary>Whether the certificate is verified: <see cref="VerifyCert"/> or its lower-case spelling.</summary>
    public bool EffectiveVerifyCert => VerifyCert || LowercaseVerifyCert == true;
}
