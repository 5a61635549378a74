using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.ServiceDefaults.Secrets;

/// <summary>A client certificate with its private key, and the intermediates sent along with it (possibly none).</summary>
/// <param name="Certificate">The certificate with its private key, loadable by <c>SslStream</c>.</param>
/// <param name="Chain">The intermediate authorities sent with it; empty when the secret held the certificate alone.</param>
public sealed record TlsClientCertificate(X509Certificate2 Certificate, X509Certificate2Collection Chain)
{
    /// <summary>The certificate with its private key, loadable by <c>SslStream</c>.</summary>
    public X509Certificate2 Certificate { get; } = Certificate ?? throw new ArgumentNullException(nameof(Certificate));

    /// <summary>The intermediate authorities sent with it; empty when the secret held the certificate alone.</summary>
    public X509Certificate2Collection Chain { get; } = Chain ?? throw new ArgumentNullException(nameof(Chain));
}
