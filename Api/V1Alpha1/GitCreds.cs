namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>GitCreds</c>: a Git username and password, each held in a Secret.</summary>
public sealed record GitCreds
{
    /// <summary><c>username</c>.</summary>
    [ManifestField("username")]
    public SecretKeySelector? Username { get; init; }

    /// <summary><c>password</c>.</summary>
    [ManifestField("password")]
    public SecretKeySelector? Password { get; init; }
}
