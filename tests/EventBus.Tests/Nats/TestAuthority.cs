using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.EventBus.Tests.Nats;

/// <summary>A throw-away root authority (RSA 2048, SHA-256) issuing server certificates for 127.0.0.1 and client certificates.</summary>
internal sealed class TestAuthority : IDisposable
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    private TestAuthority(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The root certificate, with its key.</summary>
    public X509Certificate2 Certificate { get; }

    public static TestAuthority Create(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return new TestAuthority(X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable));
    }

    /// <summary>Writes the root certificate as PEM to <paramref name="path"/>.</summary>
    public string WriteCertificate(string path)
    {
        File.WriteAllText(path, Certificate.ExportCertificatePem() + "\n");
        return path;
    }

    /// <summary>Issues a server certificate for 127.0.0.1 and writes it with its key into <paramref name="directory"/>.</summary>
    public (string CertificateFile, string KeyFile) WriteServer(string directory, string name)
    {
        var alternatives = new SubjectAlternativeNameBuilder();
        alternatives.AddIpAddress(IPAddress.Loopback);
        var (certificatePem, keyPem) = Issue("CN=" + name, ServerAuth, alternatives.Build());
        var certificateFile = Path.Combine(directory, name + "-cert.pem");
        var keyFile = Path.Combine(directory, name + "-key.pem");
        File.WriteAllText(certificateFile, certificatePem);
        File.WriteAllText(keyFile, keyPem);
        return (certificateFile, keyFile);
    }

    /// <summary>Issues a client certificate with its private key, loadable by SslStream.</summary>
    public X509Certificate2 IssueClient(string name)
    {
        var (certificatePem, keyPem) = Issue("CN=" + name, ClientAuth, alternativeNames: null);
        using var pem = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose() => Certificate.Dispose();

    private (string CertificatePem, string KeyPem) Issue(string subject, string usage, X509Extension? alternativeNames)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        using var certificate = request.Create(Certificate, DateTimeOffset.UtcNow.AddHours(-1), Certificate.NotAfter.AddDays(-1), RandomNumberGenerator.GetBytes(12));
        return (certificate.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem() + "\n");
    }
}
