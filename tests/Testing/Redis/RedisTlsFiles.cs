namespace ArgoEvents.Testing.Redis;

/// <summary>
/// The PEM files redis-server's TLS listener uses: <c>tls-cert-file</c>, <c>tls-key-file</c> and
/// <c>tls-ca-cert-file</c> (the authorities client certificates must chain to when clients are verified).
/// </summary>
/// <param name="CertificateFile">The server certificate (optionally followed by its intermediates).</param>
/// <param name="KeyFile">The server certificate's private key.</param>
/// <param name="CaCertificateFile">The CA certificates trusted for client certificates.</param>
public sealed record RedisTlsFiles(string CertificateFile, string KeyFile, string CaCertificateFile);
