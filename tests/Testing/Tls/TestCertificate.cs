namespace ArgoEvents.Testing.Tls;

/// <summary>An issued certificate as PEM: the certificate, the intermediates up to its root, and its PKCS#8 private key.</summary>
/// <param name="CertificatePem">The certificate alone.</param>
/// <param name="IntermediatesPem">The issuing intermediates, nearest first; empty when a root issued it.</param>
/// <param name="KeyPem">The private key.</param>
public sealed record TestCertificate(string CertificatePem, string IntermediatesPem, string KeyPem)
{
    /// <summary>The certificate followed by its intermediates, as servers and clients present a chain.</summary>
    public string ChainPem => CertificatePem + IntermediatesPem;
}
