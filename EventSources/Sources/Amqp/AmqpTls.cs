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
        else if (TlsSecrets.ReadAuthorities(tls, secrets, field) is { } authority)
        {
            option.CertificateValidationCallback = (_, certificate, _, errors) => TrustedBy(authority, certificate, errors);
        }

        if (TlsSecrets.ReadClientCertificate(tls, secrets, field) is { } client)
        {
            // RabbitMQ.Client offers the first certificate of the collection; the intermediates go with it.
            option.Certs = new X509CertificateCollection { client.Certificate };
            option.Certs.AddRange(client.Chain);
        }

        return option;
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
