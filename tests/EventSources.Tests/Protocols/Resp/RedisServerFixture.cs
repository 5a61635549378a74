using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.Testing.Redis;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Resp;

/// <summary>One real redis-server per test class: plain port, TLS port, no password.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public RedisServerProcess Server { get; } = new(new RedisServerOptions { Tls = true });

    public RedisOptions Options => new() { Host = "127.0.0.1", Port = Server.Port };

    public Task<RedisConnection> ConnectAsync(int database = 0) =>
        RedisConnection.ConnectAsync(Options with { Database = database }, TestContext.Current.CancellationToken);

    public async ValueTask InitializeAsync() => await Server.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
