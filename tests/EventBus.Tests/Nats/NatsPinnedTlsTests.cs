using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing.Nats;
using ArgoEvents.Testing.Tls;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Nats;

/// <summary>TLS against servers whose certificates come from a private CA: a pinned CA, and client certificates required by <c>verify: true</c>.</summary>
public sealed class NatsPinnedTlsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("argo-nats-pinned-").FullName;
    private readonly TestCertificateAuthority _authority = TestCertificateAuthority.CreateRoot("argo-nats-test-ca");
    private readonly TestCertificateAuthority _stranger = TestCertificateAuthority.CreateRoot("argo-nats-other-ca");
    private NatsServerProcess _server = null!;
    private NatsServerProcess _verifying = null!;

    public async ValueTask InitializeAsync()
    {
        var caFile = Path.Combine(_directory, "ca.pem");
        var certificate = Path.Combine(_directory, "server-cert.pem");
        var key = Path.Combine(_directory, "server-key.pem");
        var server = _authority.IssueServer("CN=server", "127.0.0.1");
        File.WriteAllText(caFile, _authority.CertificatePem);
        File.WriteAllText(certificate, server.ChainPem);
        File.WriteAllText(key, server.KeyPem);
        _server = new NatsServerProcess(new NatsServerOptions { Tls = new NatsTlsFiles(certificate, key) });
        _verifying = new NatsServerProcess(new NatsServerOptions
        {
            Tls = new NatsTlsFiles(certificate, key) { ClientCaFile = caFile, VerifyClients = true },
        });
        await _server.StartAsync(TestContext.Current.CancellationToken);
        await _verifying.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _verifying.DisposeAsync();
        _authority.Dispose();
        _stranger.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_pinned_ca_that_signed_the_server_is_trusted()
    {
        await using var connection = await NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [_server.ClientUrl], TlsCaCertificates = [_authority.Certificate] }, TestContext.Current.CancellationToken);

        await AssertCarriesAsync(connection);
    }

    [Fact]
    public async Task The_system_trust_store_does_not_trust_the_private_ca()
    {
        var error = await Assert.ThrowsAsync<NatsConnectionException>(() => NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [_server.ClientUrl] }, TestContext.Current.CancellationToken));

        Assert.IsType<AuthenticationException>(error.InnerException?.InnerException);
    }

    [Fact]
    public async Task A_pinned_ca_that_did_not_sign_the_server_fails_the_connect()
    {
        var error = await Assert.ThrowsAsync<NatsConnectionException>(() => NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [_server.ClientUrl], TlsCaCertificates = [_stranger.Certificate] }, TestContext.Current.CancellationToken));

        Assert.Contains(_server.ClientUrl.Replace("nats://", string.Empty, StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.IsType<AuthenticationException>(error.InnerException?.InnerException);
    }

    [Fact]
    public async Task A_pinned_ca_does_not_excuse_a_server_name_mismatch()
    {
        var url = _server.ClientUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<NatsConnectionException>(() => NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [url], TlsCaCertificates = [_authority.Certificate] }, TestContext.Current.CancellationToken));

        Assert.IsType<AuthenticationException>(error.InnerException?.InnerException);
    }

    [Fact]
    public async Task A_required_client_certificate_that_is_presented_connects()
    {
        using var client = _authority.IssueClientCertificate("argo-client");

        await using var connection = await NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [_verifying.ClientUrl], TlsCaCertificates = [_authority.Certificate], TlsClientCertificate = client },
            TestContext.Current.CancellationToken);

        await AssertCarriesAsync(connection);
    }

    [Fact]
    public async Task A_required_client_certificate_that_is_missing_fails_the_connect_naming_it()
    {
        var error = await Assert.ThrowsAsync<NatsConnectionException>(() => NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [_verifying.ClientUrl], TlsCaCertificates = [_authority.Certificate] }, TestContext.Current.CancellationToken));

        Assert.Contains("client certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_certificate_from_another_ca_fails_the_connect_naming_it()
    {
        using var client = _stranger.IssueClientCertificate("intruder");

        var error = await Assert.ThrowsAsync<NatsConnectionException>(() => NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [_verifying.ClientUrl], TlsCaCertificates = [_authority.Certificate], TlsClientCertificate = client },
            TestContext.Current.CancellationToken));

        Assert.Contains("CN=intruder", error.Message, StringComparison.Ordinal);
    }

    private static async Task AssertCarriesAsync(NatsConnection connection)
    {
        await using var subscription = await connection.SubscribeAsync("pinned");

        await connection.PublishAsync("pinned", Encoding.UTF8.GetBytes("over pinned tls"));

        Assert.True(connection.ServerInfo!.TlsRequired);
        Assert.Equal("over pinned tls", Encoding.UTF8.GetString((await subscription.NextAsync()).Data.Span));
    }
}
