namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SASLConfig</c>: SASL authentication of a Kafka client.</summary>
public sealed record SaslConfig
{
    /// <summary><c>mechanism</c>: PLAIN (default), OAUTHBEARER, SCRAM-SHA-256, SCRAM-SHA-512 or GSSAPI.</summary>
    [ManifestField("mechanism")]
    public string? Mechanism { get; init; }

    /// <summary><c>userSecret</c>.</summary>
    [ManifestField("userSecret")]
    public SecretKeySelector? UserSecret { get; init; }

    /// <summary><c>passwordSecret</c>.</summary>
    [ManifestField("passwordSecret")]
    public SecretKeySelector? PasswordSecret { get; init; }
}
