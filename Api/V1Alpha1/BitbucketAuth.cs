namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>BitbucketAuth</c>: basic credentials or an OAuth token.</summary>
public sealed record BitbucketAuth
{
    /// <summary><c>basic</c>: username and password.</summary>
    [ManifestField("basic")]
    public BitbucketBasicAuth? Basic { get; init; }

    /// <summary><c>oauthToken</c>: an OAuth bearer token.</summary>
    [ManifestField("oauthToken")]
    public SecretKeySelector? OAuthToken { get; init; }
}
