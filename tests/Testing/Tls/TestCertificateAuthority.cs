using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.Testing.Tls;

/// <summary>A throw-away certificate authority (RSA 2048, SHA-256) that issues server, client and intermediate CA certificates.</summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    private readonly X509Certificate2 _certificate;

    private TestCertificateAuthority(X509Certificate2 certificate, string chainPem)
    {
        _certificate = certificate;
        CertificatePem = Pem(certificate);
        ChainPem = chainPem;
    }

    /// <summary>This authority's certificate.</summary>
    public string CertificatePem { get; }

    /// <summary>The certificates between this authority and its root, this one first; empty for a root.</summary>
    public string ChainPem { get; }

    /// <summary>A self-signed root named <c>CN=<paramref name="name"/></c>.</summary>
    public static TestCertificateAuthority CreateRoot(string name)
    {
        using var key = RSA.Create(2048);
        var request = AuthorityRequest(name, key);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return new TestCertificateAuthority(WithKey(certificate, key), string.Empty);
    }

    /// <summary>An intermediate authority signed by this one.</summary>
    public TestCertificateAuthority IssueIntermediate(string name)
    {
        using var key = RSA.Create(2048);
        var request = AuthorityRequest(name, key);
        using var certificate = request.Create(_certificate, DateTimeOffset.UtcNow.AddHours(-1), _certificate.NotAfter.AddDays(-1), Serial());
        var intermediate = WithKey(certificate, key);
        return new TestCertificateAuthority(intermediate, Pem(intermediate) + ChainPem);
    }

    /// <summary>A server certificate whose subject alternative names are <paramref name="names"/> (IP addresses or DNS names).</summary>
    public TestCertificate IssueServer(string subject, params string[] names)
    {
        var alternatives = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
            {
                alternatives.AddIpAddress(address);
            }
            else
            {
                alternatives.AddDnsName(name);
            }
        }

        return Issue(subject, ServerAuth, alternatives.Build());
    }

    /// <summary>A client certificate named <c>CN=<paramref name="name"/></c>.</summary>
    public TestCertificate IssueClient(string name) => Issue("CN=" + name, ClientAuth, alternativeNames: null);

    /// <summary>This authority's certificate, for a client that pins it (without the key).</summary>
    public X509Certificate2 Certificate => X509CertificateLoader.LoadCertificate(_certificate.RawData);

    /// <summary>A client certificate named <c>CN=<paramref name="name"/></c> with its private key, loadable by SslStream.</summary>
    public X509Certificate2 IssueClientCertificate(string name)
    {
        var issued = IssueClient(name);
        using var pem = X509Certificate2.CreateFromPem(issued.CertificatePem, issued.KeyPem);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <inheritdoc />
    public void Dispose() => _certificate.Dispose();

    private static CertificateRequest AuthorityRequest(string name, RSA key)
    {
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static X509Certificate2 WithKey(X509Certificate2 certificate, RSA key)
    {
        // CreateSelfSigned already attached the key; Create did not. Either way the key must outlive the RSA object
        // that made it, which the caller disposes, so it is carried over through PKCS#12.
        using var withKey = certificate.HasPrivateKey ? null : certificate.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12((withKey ?? certificate).Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    /// <summary>PEM ending in a line break, so that certificates can be concatenated into a chain file.</summary>
    private static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(12);

    private TestCertificate Issue(string subject, string usage, X509Extension? alternativeNames)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, true, false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        using var certificate = request.Create(_certificate, DateTimeOffset.UtcNow.AddHours(-1), _certificate.NotAfter.AddDays(-1), Serial());
        return new TestCertificate(Pem(certificate), ChainPem, key.ExportPkcs8PrivateKeyPem() + "\n");
    }
}
