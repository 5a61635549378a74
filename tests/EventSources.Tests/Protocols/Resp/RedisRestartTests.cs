using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.Testing.Redis;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Resp;

public sealed class RedisRestartTests : IAsyncLifetime
{
    private readonly RedisServerProcess _server = new(new RedisServerOptions { Password = "restart-secret", AppendOnly = true });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RedisOptions Options => new() { Port = _server.Port, Password = "restart-secret" };

    public async ValueTask InitializeAsync() => await _server.StartAsync(Ct);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Killed_server_fails_the_old_connection_clearly_and_a_new_one_works_after_restart()
    {
        await using var connection = await RedisConnection.ConnectAsync(Options, Ct);
        await using var subscriber = await RedisSubscriber.ConnectAsync(Options, Ct);
        await subscriber.SubscribeAsync(["restart"], Ct);
        await connection.ExecuteAsync(["SET", "survivor", "yes"], Ct);
        var stream = "restart-stream";
        await connection.CreateConsumerGroupAsync(stream, "argo-events-cg", "0", cancellationToken: Ct);
        var id = await connection.StreamAddAsync(stream, [("k", "v")], cancellationToken: Ct);
        await connection.ReadGroupAsync(stream, "argo-events-cg", "leader", RedisStreamCommands.NewEntries, 1, cancellationToken: Ct);
        var blocked = connection.ExecuteAsync(["BLPOP", "never", "30"], Ct);

        _server.Kill();

        var lost = await connection.Closed.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Contains($"127.0.0.1:{_server.Port}", lost.Message, StringComparison.Ordinal);
        Assert.False(connection.IsConnected);
        Assert.Same(lost, await Assert.ThrowsAsync<RedisConnectionException>(() => blocked));
        Assert.Same(lost, await Assert.ThrowsAsync<RedisConnectionException>(() => connection.ExecuteAsync(["PING"], Ct)));
        await Assert.ThrowsAsync<RedisConnectionException>(async () =>
        {
            await foreach (var unused in subscriber.ReadAllAsync(Ct))
            {
            }
        });
        await Assert.ThrowsAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(Options, Ct));

        await _server.StartAsync(Ct);
        await using var fresh = await RedisConnection.ConnectAsync(Options, Ct);
        Assert.Equal("yes", (await fresh.ExecuteAsync(["GET", "survivor"], Ct)).AsString());
        var pending = await fresh.ReadGroupAsync(stream, "argo-events-cg", "leader", RedisStreamCommands.OwnPendingEntries, 10, cancellationToken: Ct);
        Assert.Equal(id, Assert.Single(pending).Id);

        await using var freshSubscriber = await RedisSubscriber.ConnectAsync(Options, Ct);
        await freshSubscriber.SubscribeAsync(["restart"], Ct);
        await fresh.ExecuteAsync(["PUBLISH", "restart", "back"], Ct);
        Assert.Equal("restart", (await freshSubscriber.Messages.ReadAsync(Ct)).Channel);
    }

    [Fact]
    public async Task Graceful_shutdown_is_reported_as_a_lost_connection()
    {
        await using var connection = await RedisConnection.ConnectAsync(Options, Ct);
        await connection.PingAsync(Ct);
        await _server.StopAsync(Ct);
        var lost = await connection.Closed.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Contains("closed the connection", lost.Message, StringComparison.Ordinal);
        await _server.StartAsync(Ct);
        await using var fresh = await RedisConnection.ConnectAsync(Options, Ct);
        await fresh.PingAsync(Ct);
    }
}
