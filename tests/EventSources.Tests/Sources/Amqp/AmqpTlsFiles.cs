using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.EventSources.Tests.Sources.Amqp;

/// <summary>A throw-away CA with a server certificate for 127.0.0.1 and a client certificate, written as PEM files.</summary>
internal sealed class AmqpTlsFiles
{
    private AmqpTlsFiles(string directory, string caPem, string clientCertificatePem, string clientKeyPem)
    {
        Directory = directory;
        CaPem = caPem;
        ClientCertificatePem = clientCertificatePem;
        ClientKeyPem = clientKeyPem;
    }

    public string Directory { get; }

    public string CaPem { get; }

    public string ClientCertificatePem { get; }

    public string ClientKeyPem { get; }

    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string ServerCertificateFile => Path.Combine(Directory, "server.pem");

    public string ServerKeyFile => Path.Combine(Directory, "server-key.pem");

    public static AmqpTlsFiles Create(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=argo-test-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var (serverPem, serverKeyPem) = Issue(ca, "CN=127.0.0.1", server: true);
        var (clientPem, clientKeyPem) = Issue(ca, "CN=argo-client", server: false);
        var caPem = ca.ExportCertificatePem();
        var files = new AmqpTlsFiles(directory, caPem, clientPem, clientKeyPem);
        File.WriteAllText(files.CaFile, caPem);
        File.WriteAllText(files.ServerCertificateFile, serverPem);
        File.WriteAllText(files.ServerKeyFile, serverKeyPem);
        return files;
    }

    private static (string CertificatePem, string KeyPem) Issue(X509Certificate2 ca, string subject, bool server)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
