using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.EventBus.Tls;

/// <summary>
/// The client side of a TLS handshake as Argo's <c>tls</c> block describes it, the same for every broker client: the
/// server verified against the system's trust store or against pinned authorities alone (no revocation check, the
/// name still checked), or not at all; and a client certificate sent with its intermediates.
/// </summary>
public static class TlsClientAuthentication
{
    /// <summary>The handshake options for <paramref name="targetHost"/>.</summary>
    /// <param name="targetHost">The name the server certificate must carry.</param>
    /// <param name="clientCertificate">The client certificate with its private key; null to present none.</param>
    /// <param name="clientCertificateChain">Intermediates sent along with the client certificate.</param>
    /// <param name="authorities">Authorities trusted alone; none: the system's trust store.</param>
    /// <param name="insecureSkipVerify">Accept any server certificate.</param>
    public static SslClientAuthenticationOptions Create(
        string targetHost,
        X509Certificate2? clientCertificate,
        IEnumerable<X509Certificate2>? clientCertificateChain,
        IEnumerable<X509Certificate2>? authorities,
        bool insecureSkipVerify)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetHost);
        var options = new SslClientAuthenticationOptions { TargetHost = targetHost };
        if (clientCertificate is not null)
        {
            // A context carries the intermediates, so a server trusting only the root can verify the client;
            // ClientCertificates would send the leaf alone.
            options.ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate, [.. clientCertificateChain ?? []], offline: true);
        }

        X509Certificate2[] pinned = [.. authorities ?? []];
        if (insecureSkipVerify)
        {
            options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (pinned.Length > 0)
        {
            options.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            options.CertificateChainPolicy.CustomTrustStore.AddRange(pinned);
        }

        return options;
    }
}
