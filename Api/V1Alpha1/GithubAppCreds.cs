namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>GithubAppCreds</c>.</summary>
public sealed record GithubAppCreds
{
    /// <summary><c>privateKey</c>: the app private key.</summary>
    [ManifestField("privateKey")]
    public SecretKeySelector? PrivateKey { get; init; }

    /// <summary><c>appID</c>: the app id.</summary>
    [ManifestField("appID")]
    public long? AppId { get; init; }

    /// <summary><c>installationID</c>: the installation id.</summary>
    [ManifestField("installationID")]
    public long? InstallationId { get; init; }
}
