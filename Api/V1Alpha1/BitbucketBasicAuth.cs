namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>BitbucketBasicAuth</c>.</summary>
public sealed record BitbucketBasicAuth
{
    /// <summary><c>username</c>: the username.</summary>
    [ManifestField("username")]
    public SecretKeySelector? Username { get; init; }

    /// <summary><c>password</c>: the password.</summary>
    [ManifestField("password")]
    public SecretKeySelector? Password { get; init; }
}
