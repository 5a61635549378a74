namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>NATSAuth</c>: one way to authenticate to NATS.</summary>
public sealed record NatsAuth
{
    /// <summary><c>basic</c>: username and password.</summary>
    [ManifestField("basic")]
    public BasicAuth? Basic { get; init; }

    /// <summary><c>token</c>: a token.</summary>
    [ManifestField("token")]
    public SecretKeySelector? Token { get; init; }

    /// <summary><c>nkey</c>: an NKey seed.</summary>
    [ManifestField("nkey")]
    public SecretKeySelector? NKey { get; init; }

    /// <summary><c>credential</c>: a credentials file.</summary>
    [ManifestField("credential")]
    public SecretKeySelector? Credential { get; init; }
}
