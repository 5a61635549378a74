using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.Sensors.Tests.Triggers.Http.Support;

/// <summary>A throwaway CA, a server certificate for 127.0.0.1 signed by it, and a client certificate, with their PEM text.</summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client, string clientKeyPem)
    {
        Ca = ca;
        Server = server;
        Client = client;
        ClientKeyPem = clientKeyPem;
    }

    /// <summary>The CA (no private key kept).</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>The server certificate for 127.0.0.1 and localhost, with its key.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The client certificate, with its key.</summary>
    public X509Certificate2 Client { get; }

    /// <summary>The CA certificate as PEM.</summary>
    public string CaPem => Ca.ExportCertificatePem();

    /// <summary>The client certificate as PEM.</summary>
    public string ClientCertPem => Client.ExportCertificatePem();

    /// <summary>The client key as PKCS#8 PEM.</summary>
    public string ClientKeyPem { get; }

    /// <summary>Makes a new set.</summary>
    public static TestCertificates Create()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=httptrig test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var caWithKey = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var server = Issue(caWithKey, "CN=127.0.0.1", serverAuth: true);
        var client = Issue(caWithKey, "CN=httptrig-client", serverAuth: false);
        var clientKeyPem = client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem();
        var ca = X509CertificateLoader.LoadCertificate(caWithKey.RawData);
        return new TestCertificates(ca, server, client, clientKeyPem);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }
}
