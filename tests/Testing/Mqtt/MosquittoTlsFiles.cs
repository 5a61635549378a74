using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.Testing.Mqtt;

/// <summary>
/// A test certificate authority and a server certificate it signed for 127.0.0.1 and localhost, as PEM files for
/// mosquitto's <c>cafile</c>, <c>certfile</c> and <c>keyfile</c>.
/// </summary>
public sealed record MosquittoTlsFiles(string CaFile, string CertificateFile, string KeyFile)
{
    /// <summary>The CA certificate, for clients that should trust the broker.</summary>
    public X509Certificate2 LoadCa() => X509Certificate2.CreateFromPem(File.ReadAllText(CaFile));

    /// <summary>Writes a fresh CA and server certificate into <paramref name="directory"/>.</summary>
    public static MosquittoTlsFiles Create(string directory)
    {
        Directory.CreateDirectory(directory);
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=argo-events-test-mqtt-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));

        using var serverKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=argo-events-test-mqtt", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var server = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);

        var files = new MosquittoTlsFiles(
            Path.Combine(directory, "ca.pem"),
            Path.Combine(directory, "server-cert.pem"),
            Path.Combine(directory, "server-key.pem"));
        File.WriteAllText(files.CaFile, ca.ExportCertificatePem());
        File.WriteAllText(files.CertificateFile, server.ExportCertificatePem());
        File.WriteAllText(files.KeyFile, serverKey.ExportRSAPrivateKeyPem());
        return files;
    }
}
