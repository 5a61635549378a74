using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.Testing.Nats;

/// <summary>A server certificate and key as PEM files, as nats-server's <c>tls { }</c> block takes them.</summary>
public sealed record NatsTlsFiles(string CertificateFile, string KeyFile)
{
    /// <summary><c>ca_file</c>: the PEM authorities that client certificates must chain to; null leaves the server's default.</summary>
    public string? ClientCaFile { get; init; }

    /// <summary><c>verify: true</c>: clients must present a certificate issued by <see cref="ClientCaFile"/>.</summary>
    public bool VerifyClients { get; init; }

    /// <summary>Writes a fresh self-signed certificate for 127.0.0.1 and localhost into <paramref name="directory"/>.</summary>
    public static NatsTlsFiles CreateSelfSigned(string directory)
    {
        Directory.CreateDirectory(directory);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=argo-events-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var files = new NatsTlsFiles(Path.Combine(directory, "server-cert.pem"), Path.Combine(directory, "server-key.pem"));
        File.WriteAllText(files.CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(files.KeyFile, key.ExportRSAPrivateKeyPem());
        return files;
    }
}
