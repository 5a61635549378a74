using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>TLS settings of the client, as Argo's <c>tls</c> block describes them once its secrets are read.</summary>
public sealed record MqttTlsOptions
{
    /// <summary>
    /// Certificate authorities that alone are trusted to sign the broker's certificate (Argo's <c>caCertSecret</c>);
    /// empty: the system's trust store.
    /// </summary>
    public IReadOnlyList<X509Certificate2> CertificateAuthorities { get; init; } = [];

    /// <summary>Client certificate with its private key, for brokers that require one (<c>clientCertSecret</c> and <c>clientKeySecret</c>).</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Intermediates sent along with <see cref="ClientCertificate"/>, for brokers that trust only the root.</summary>
    public IReadOnlyList<X509Certificate2> ClientCertificateChain { get; init; } = [];

    /// <summary>Accept any broker certificate (<c>insecureSkipVerify</c>); for tests and trusted networks only.</summary>
    public bool InsecureSkipVerify { get; init; }

    /// <summary>Name to check the broker certificate against; null: the URL's host.</summary>
    public string? ServerName { get; init; }
}
