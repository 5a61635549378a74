using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>A client certificate with its private key, and the intermediates sent along with it (possibly none).</summary>
internal sealed record TlsClientCertificate(X509Certificate2 Certificate, X509Certificate2Collection Chain);
