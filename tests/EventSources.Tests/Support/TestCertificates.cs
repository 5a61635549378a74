using ArgoEvents.Testing.Tls;

namespace ArgoEvents.EventSources.Tests.Support;

/// <summary>
/// A throw-away CA with a server certificate for 127.0.0.1 and localhost and a client certificate, the CA and server
/// files written as PEM into a private temp directory for a broker's config. Disposal deletes the directory.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory, TestCertificateAuthority authority, TestCertificate server, TestCertificate client)
    {
        Directory = directory;
        Authority = authority;
        CaPem = authority.CertificatePem;
        ClientCertificatePem = client.CertificatePem;
        ClientKeyPem = client.KeyPem;
        File.WriteAllText(CaFile, CaPem);
        File.WriteAllText(ServerCertificateFile, server.ChainPem);
        File.WriteAllText(ServerKeyFile, server.KeyPem);
    }

    /// <summary>The temp directory holding the files.</summary>
    public string Directory { get; }

    /// <summary>The CA that issued both certificates, to issue more.</summary>
    public TestCertificateAuthority Authority { get; }

    /// <summary>The CA certificate.</summary>
    public string CaPem { get; }

    /// <summary>The client certificate (CN=argo-client).</summary>
    public string ClientCertificatePem { get; }

    /// <summary>The client certificate's key.</summary>
    public string ClientKeyPem { get; }

    /// <summary>The CA certificate file.</summary>
    public string CaFile => Path.Combine(Directory, "ca.pem");

    /// <summary>The server certificate file.</summary>
    public string ServerCertificateFile => Path.Combine(Directory, "server.pem");

    /// <summary>The server key file.</summary>
    public string ServerKeyFile => Path.Combine(Directory, "server-key.pem");

    /// <summary>Issues the set into a new temp directory whose name starts with <paramref name="prefix"/>.</summary>
    public static TestCertificates Create(string prefix = "argo-tls-")
    {
        var directory = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;
        var authority = TestCertificateAuthority.CreateRoot("argo-test-ca");
        return new TestCertificates(directory, authority, authority.IssueServer("CN=127.0.0.1", "127.0.0.1", "localhost"), authority.IssueClient("argo-client"));
    }

    /// <summary>Writes <paramref name="contents"/> to <paramref name="name"/> in <see cref="Directory"/> and returns the path.</summary>
    public string WriteFile(string name, string contents)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, contents);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Authority.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
