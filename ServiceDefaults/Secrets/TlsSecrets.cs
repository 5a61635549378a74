using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.ServiceDefaults.Secrets;

/// <summary>
/// The certificates of Argo's <c>tls</c> block read from its secrets, the same way for every broker client: PEM
/// authorities from <c>caCertSecret</c>, and a client certificate from <c>clientCertSecret</c> with
/// <c>clientKeySecret</c>. Every error names the field it came from; <c>field</c> of each method is the manifest
/// path of the object holding <c>tls</c>.
/// </summary>
public static class TlsSecrets
{
    /// <summary>The authorities in <c>tls.caCertSecret</c>, or null when the field is not set.</summary>
    /// <param name="tls">The <c>tls</c> block.</param>
    /// <param name="secrets">Where the secrets are read from.</param>
    /// <param name="field">Manifest path of the object holding <c>tls</c>, for error messages.</param>
    /// <exception cref="InvalidOperationException">The secret is missing or holds no PEM certificate.</exception>
    public static X509Certificate2Collection? ReadAuthorities(TlsConfig tls, SecretResolver secrets, string field)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(field);
        var name = $"{field}.tls.caCertSecret";
        if (secrets.Resolve(tls.CaCertSecret, name) is not { } pem)
        {
            return null;
        }

        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{name}: not a PEM certificate: {e.Message}", e);
        }

        return certificates.Count > 0 ? certificates : throw new InvalidOperationException($"{name}: no PEM certificate found.");
    }

    /// <summary>The client certificate of <c>tls.clientCertSecret</c> and <c>tls.clientKeySecret</c>, or null when neither is set.</summary>
    /// <param name="tls">The <c>tls</c> block.</param>
    /// <param name="secrets">Where the secrets are read from.</param>
    /// <param name="field">Manifest path of the object holding <c>tls</c>, for error messages.</param>
    /// <exception cref="InvalidOperationException">Only one is set, a secret is missing, or they are not a PEM certificate with its key.</exception>
    public static TlsClientCertificate? ReadClientCertificate(TlsConfig tls, SecretResolver secrets, string field)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(field);
        if (tls.ClientCertSecret is null && tls.ClientKeySecret is null)
        {
            return null;
        }

        var certificatePem = secrets.Resolve(tls.ClientCertSecret, $"{field}.tls.clientCertSecret")
            ?? throw new InvalidOperationException($"{field}.tls.clientCertSecret is required with clientKeySecret.");
        var keyPem = secrets.Resolve(tls.ClientKeySecret, $"{field}.tls.clientKeySecret")
            ?? throw new InvalidOperationException($"{field}.tls.clientKeySecret is required with clientCertSecret.");
        try
        {
            using var pem = X509Certificate2.CreateFromPem(certificatePem, keyPem);

            // As Go's tls.X509KeyPair, the certificates after the first are the chain sent with it.
            var chain = new X509Certificate2Collection();
            chain.ImportFromPem(certificatePem);
            chain.RemoveAt(0);

            // SslStream needs the key in a PKCS#12-backed certificate, not an ephemeral PEM one.
            return new TlsClientCertificate(X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null), chain);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{field}.tls.clientCertSecret/clientKeySecret: not a PEM certificate and matching PEM key: {e.Message}", e);
        }
    }
}
