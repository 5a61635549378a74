using System.Security.Cryptography;
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
        IReadOnlyList<X509Certificate2> authorities = [];
        if (!tls.InsecureSkipVerify && secrets.Resolve(tls.CaCertSecret, $"{field}.tls.caCertSecret") is { } caPem)
        {
            authorities = ReadCertificates(caPem, $"{field}.tls.caCertSecret");
        }

        X509Certificate2? client = null;
        if (tls.ClientCertSecret is not null || tls.ClientKeySecret is not null)
        {
            var certificatePem = secrets.Resolve(tls.ClientCertSecret, $"{field}.tls.clientCertSecret")
                ?? throw new InvalidOperationException($"{field}.tls.clientCertSecret is required with clientKeySecret.");
            var keyPem = secrets.Resolve(tls.ClientKeySecret, $"{field}.tls.clientKeySecret")
                ?? throw new InvalidOperationException($"{field}.tls.clientKeySecret is required with clientCertSecret.");
            try
            {
                using var pemCertificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);

                // SslStream on Linux needs the key in a PKCS#12-backed certificate, not an ephemeral PEM one.
                client = X509CertificateLoader.LoadPkcs12(pemCertificate.Export(X509ContentType.Pkcs12), null);
            }
            catch (CryptographicException e)
            {
                throw new InvalidOperationException($"{field}.tls.clientCertSecret/clientKeySecret: not a PEM certificate and matching PEM key: {e.Message}", e);
            }
        }

        return new MqttTlsOptions
        {
            CertificateAuthorities = authorities,
            ClientCertificate = client,
            InsecureSkipVerify = tls.InsecureSkipVerify,
        };
    }

    private static X509Certificate2[] ReadCertificates(string pem, string field)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{field}: not a PEM certificate: {e.Message}", e);
        }

        return certificates.Count > 0 ? [.. certificates] : throw new InvalidOperationException($"{field}: no PEM certificate found.");
    }
}
