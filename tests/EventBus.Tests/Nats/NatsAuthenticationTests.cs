using System.Diagnostics;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Nats;

public sealed class NatsAuthenticationTests
{
    [Fact]
    public async Task Wrong_token_raises_an_authorization_error_from_connect_without_hanging()
    {
        await using var server = new NatsServerProcess(new NatsServerOptions { Token = "right-token" });
        await server.StartAsync(TestContext.Current.CancellationToken);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<NatsAuthorizationException>(() => NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [server.ClientUrl], Token = "wrong-token" }, TestContext.Current.CancellationToken));

        Assert.Contains("Authorization Violation", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Missing_token_is_refused_and_the_right_one_is_accepted()
    {
        await using var server = new NatsServerProcess(new NatsServerOptions { Token = "s3cr3t" });
        await server.StartAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<NatsAuthorizationException>(() => NatsConnection.ConnectAsync(server.ClientUrl, TestContext.Current.CancellationToken));
        await using var byOption = await NatsConnection.ConnectAsync(new NatsOptions { Urls = [server.ClientUrl], Token = "s3cr3t" }, TestContext.Current.CancellationToken);
        await using var byUrl = await NatsConnection.ConnectAsync($"nats://s3cr3t@127.0.0.1:{server.Port}", TestContext.Current.CancellationToken);

        await byOption.FlushAsync();
        await byUrl.FlushAsync();
        Assert.Equal(NatsConnectionState.Connected, byUrl.State);
    }

    [Fact]
    public async Task User_and_password_are_checked()
    {
        await using var server = new NatsServerProcess(new NatsServerOptions { User = "argo", Password = "p@ss w0rd" });
        await server.StartAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<NatsAuthorizationException>(() => NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [server.ClientUrl], User = "argo", Password = "nope" }, TestContext.Current.CancellationToken));
        await using var connection = await NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [server.ClientUrl], User = "argo", Password = "p@ss w0rd" }, TestContext.Current.CancellationToken);
        await using var fromUrl = await NatsConnection.ConnectAsync($"nats://argo:p%40ss%20w0rd@127.0.0.1:{server.Port}", TestContext.Current.CancellationToken);

        await connection.FlushAsync();
        await fromUrl.FlushAsync();
        Assert.Equal(NatsConnectionState.Connected, fromUrl.State);
    }
}
