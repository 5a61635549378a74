using System.Security.Cryptography.X509Certificates;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Protocols.Mqtt;
using ArgoEvents.ServiceDefaults.Secrets;

namespace ArgoEvents.EventSources.Sources.Mqtt;

/// <summary>
/// Argo's <c>tls</c> for the broker connection: the server certificate verified against the system's trust store, or
/// against <c>caCertSecret</c> (PEM) alone; <c>insecureSkipVerify</c> accepts any; <c>clientCertSecret</c> with
/// <c>clientKeySecret</c> (PEM) present a client certificate.
/// </summary>
internal static class MqttTls
{
    /// <summary>The client's TLS options.</summary>
    /// <exception cref="InvalidOperationException">A secret is missing or not a PEM certificate or key; the message names the field.</exception>
    public static MqttTlsOptions Create(TlsConfig tls, SecretResolver secrets, string field)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(secrets);
        IReadOnlyList<X509Certificate2> authorities = !tls.InsecureSkipVerify && TlsSecrets.ReadAuthorities(tls, secrets, field) is { } read ? [.. read] : [];
        var client = TlsSecrets.ReadClientCertificate(tls, secrets, field);

        return new MqttTlsOptions
        {
            CertificateAuthorities = authorities,
            ClientCertificate = client?.Certificate,
            ClientCertificateChain = client is null ? [] : [.. client.Chain],
            InsecureSkipVerify = tls.InsecureSkipVerify,
        };
    }
}
