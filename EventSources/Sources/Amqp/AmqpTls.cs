using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.ServiceDefaults.Secrets;
using RabbitMQ.Client;

namespace ArgoEvents.EventSources.Sources.Amqp;

/// <summary>
/// Argo's <c>tls</c> for the broker connection: TLS verified against the system's trust store, or against
/// <c>caCertSecret</c> (PEM) alone; <c>insecureSkipVerify</c> accepts any server certificate; <c>clientCertSecret</c>
/// with <c>clientKeySecret</c> (PEM) present a client certificate.
/// </summary>
internal static class AmqpTls
{
    /// <summary>The client's TLS option for <paramref name="host"/>.</summary>
    /// <exception cref="InvalidOperationException">A secret is missing or not a PEM certificate or key; the message names the field.</exception>
    public static SslOption Create(TlsConfig tls, string host, SecretResolver secrets, string field)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(secrets);
        var option = new SslOption { Enabled = true, ServerName = host };
        if (tls.InsecureSkipVerify)
        {
            option.AcceptablePolicyErrors = SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable;
        }
        else if (secrets.Resolve(tls.CaCertSecret, $"{field}.tls.caCertSecret") is { } caPem)
        {
            var authority = ReadCertificates(caPem, $"{field}.tls.caCertSecret");
            option.CertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(authority, certificate, errors);
        }

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
                var exported = X509CertificateLoader.LoadPkcs12(pemCertificate.Export(X509ContentType.Pkcs12), null);
                option.Certs = new X509CertificateCollection { exported };
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new InvalidOperationException($"{field}.tls.clientCertSecret/clientKeySecret: not a PEM certificate and matching PEM key: {e.Message}", e);
            }
        }

        return option;
    }

    private static X509Certificate2Collection ReadCertificates(string pem, string field)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException($"{field}: not a PEM certificate: {e.Message}", e);
        }

        return certificates.Count > 0 ? certificates : throw new InvalidOperationException($"{field}: no PEM certificate found.");
    }

    private static bool TrustedBy(X509Certificate2Collection authority, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }
}
