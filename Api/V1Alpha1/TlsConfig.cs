namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>TLSConfig</c>: TLS settings of a client connection.</summary>
public sealed record TlsConfig
{
    /// <summary><c>caCertSecret</c>: the CA certificate.</summary>
    [ManifestField("caCertSecret")]
    public SecretKeySelector? CaCertSecret { get; init; }

    /// <summary><c>clientCertSecret</c>: the client certificate (needs <see cref="ClientKeySecret"/>).</summary>
    [ManifestField("clientCertSecret")]
    public SecretKeySelector? ClientCertSecret { get; init; }

    /// <summary><c>clientKeySecret</c>: the client key (needs <see cref="ClientCertSecret"/>).</summary>
    [ManifestField("clientKeySecret")]
    public SecretKeySelector? ClientKeySecret { get; init; }

    /// <summary><c>insecureSkipVerify</c>: do not verify the server certificate.</summary>
    [ManifestField("insecureSkipVerify")]
    public bool InsecureSkipVerify { get; init; }

    /// <summary><c>enabled</c>: use TLS without client authentication.</summary>
    [ManifestField("enabled")]
    public bool Enabled { get; init; }
}
