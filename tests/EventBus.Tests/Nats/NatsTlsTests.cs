using System.Text;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Nats;

public sealed class NatsTlsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("argo-tls-").FullName;
    private NatsServerProcess _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = new NatsServerProcess(new NatsServerOptions { Tls = NatsTlsFiles.CreateSelfSigned(_directory) });
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_tls_server_is_reached_over_tls_and_carries_messages()
    {
        await using var connection = await NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [_server.ClientUrl], TlsInsecureSkipVerify = true }, TestContext.Current.CancellationToken);
        await using var subscription = await connection.SubscribeAsync("secure");

        await connection.PublishAsync("secure", Encoding.UTF8.GetBytes("over tls"));

        Assert.True(connection.ServerInfo!.TlsRequired);
        Assert.Equal("over tls", Encoding.UTF8.GetString((await subscription.NextAsync()).Data.Span));
    }

    [Fact]
    public async Task An_untrusted_server_certificate_fails_the_connect_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<NatsConnectionException>(() => NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [_server.ClientUrl] }, TestContext.Current.CancellationToken));

        Assert.Contains(_server.ClientUrl, error.ToString(), StringComparison.Ordinal);
        Assert.IsType<System.Security.Authentication.AuthenticationException>(error.InnerException?.InnerException ?? error.InnerException);
    }
}
