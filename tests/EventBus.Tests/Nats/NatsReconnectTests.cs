using System.Diagnostics;
using System.Text;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing;
using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Nats;

public sealed class NatsReconnectTests
{
    private const int SigStop = 19;
    private const int SigCont = 18;

    [Fact]
    public async Task Killing_the_node_the_client_is_on_moves_it_to_another_node_within_2_s_with_its_subscriptions()
    {
        await using var cluster = new NatsCluster(3);
        await cluster.StartAsync(TestContext.Current.CancellationToken);
        await using var client = await NatsConnection.ConnectAsync(new NatsOptions { Urls = [cluster.Node(0).ClientUrl], Randomize = false }, TestContext.Current.CancellationToken);
        await using var subscription = await client.SubscribeAsync("events.>");
        await client.FlushAsync();
        await using var witness = await NatsConnection.ConnectAsync(cluster.Node(2).ClientUrl, TestContext.Current.CancellationToken);
        await using var witnessed = await witness.SubscribeAsync("meanwhile");
        await witness.FlushAsync();
        var reconnected = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        var publishedWhileDown = 0;
        client.StateChanged += (_, e) =>
        {
            if (e.State == NatsConnectionState.Reconnecting)
            {
                // Raised before the first reconnect attempt: these publishes can only wait in the buffer.
                for (var i = 0; i < 100; i++)
                {
                    client.PublishAsync("meanwhile", Encoding.UTF8.GetBytes(i.ToString())).AsTask().GetAwaiter().GetResult();
                    publishedWhileDown++;
                }
            }

            if (e.State == NatsConnectionState.Connected && e.Server != cluster.Node(0).ClientUrl)
            {
                reconnected.TrySetResult(DateTime.UtcNow);
            }
        };

        var killedAt = DateTime.UtcNow;
        cluster.KillNode(0);
        var movedAt = await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.True(movedAt - killedAt < TimeSpan.FromSeconds(2), $"reconnect took {(movedAt - killedAt).TotalMilliseconds} ms");
        Assert.NotEqual(cluster.Node(0).ClientUrl, client.ConnectedUrl);

        // Messages published by others, on another node, reach the re-sent subscription.
        await client.FlushAsync();
        await using var other = await NatsConnection.ConnectAsync(cluster.Node(2).ClientUrl, TestContext.Current.CancellationToken);
        for (var i = 0; i < 10; i++)
        {
            await other.PublishAsync($"events.{i}", Encoding.UTF8.GetBytes(i.ToString()));
        }

        var received = await subscription.TakeAsync(10);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"events.{i}"), received.Select(m => m.Subject));

        var meanwhile = await witnessed.TakeAsync(100);
        Assert.Equal(100, publishedWhileDown);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString()), meanwhile.Select(m => Encoding.UTF8.GetString(m.Data.Span)));
    }

    [Fact]
    public async Task Publishes_made_while_the_server_is_down_are_delivered_after_it_returns()
    {
        await using var server = new NatsServerProcess(new NatsServerOptions());
        await server.StartAsync(TestContext.Current.CancellationToken);
        await using var client = await NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [server.ClientUrl], ReconnectWaitMin = TimeSpan.FromMilliseconds(50), ReconnectWaitMax = TimeSpan.FromMilliseconds(200) },
            TestContext.Current.CancellationToken);
        await using var subscription = await client.SubscribeAsync("buffered");
        await client.FlushAsync();

        server.Kill();
        Assert.True(await NatsTestExtensions.EventuallyAsync(() => client.State == NatsConnectionState.Reconnecting, TimeSpan.FromSeconds(5)));
        for (var i = 0; i < 1000; i++)
        {
            await client.PublishAsync("buffered", Encoding.UTF8.GetBytes(i.ToString()));
        }

        Assert.True(client.PendingBytes > 0);
        await server.StartAsync(TestContext.Current.CancellationToken);

        var received = await subscription.TakeAsync(1000, TimeSpan.FromSeconds(15));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i.ToString()), received.Select(m => Encoding.UTF8.GetString(m.Data.Span)));
        Assert.Equal(1, client.Reconnects);
    }

    [Fact]
    public async Task The_reconnect_buffer_is_bounded_and_says_so()
    {
        await using var server = new NatsServerProcess(new NatsServerOptions());
        await server.StartAsync(TestContext.Current.CancellationToken);
        await using var client = await NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [server.ClientUrl], ReconnectBufferBytes = 64 * 1024 }, TestContext.Current.CancellationToken);

        server.Kill();
        Assert.True(await NatsTestExtensions.EventuallyAsync(() => client.State == NatsConnectionState.Reconnecting, TimeSpan.FromSeconds(5)));
        var accepted = 0;
        var error = await Assert.ThrowsAsync<NatsReconnectBufferFullException>(async () =>
        {
            while (true)
            {
                await client.PublishAsync("x", new byte[1000]);
                accepted++;
            }
        });

        Assert.InRange(accepted, 50, 66);
        Assert.Contains("65536", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_stops_answering_pings_is_detected_and_left()
    {
        await using var cluster = new NatsCluster(3);
        await cluster.StartAsync(TestContext.Current.CancellationToken);
        var frozen = cluster.Node(0);
        await using var client = await NatsConnection.ConnectAsync(
            new NatsOptions { Urls = [frozen.ClientUrl], Randomize = false, PingInterval = TimeSpan.FromMilliseconds(200), MaxPingsOut = 2 },
            TestContext.Current.CancellationToken);
        await client.FlushAsync();

        UnixSignals.Send(frozen.Pid, SigStop);
        try
        {
            var watch = Stopwatch.StartNew();
            Assert.True(
                await NatsTestExtensions.EventuallyAsync(() => client.State == NatsConnectionState.Connected && client.ConnectedUrl != frozen.ClientUrl, TimeSpan.FromSeconds(5)),
                $"still on {client.ConnectedUrl} in state {client.State}");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
            await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        }
        finally
        {
            UnixSignals.Send(frozen.Pid, SigCont);
        }
    }

    [Fact]
    public async Task Lame_duck_mode_moves_the_client_before_the_server_closes_it()
    {
        await using var cluster = new NatsCluster(3);
        await cluster.StartAsync(TestContext.Current.CancellationToken);
        var leaving = cluster.Node(1);
        await using var client = await NatsConnection.ConnectAsync(new NatsOptions { Urls = [leaving.ClientUrl], Randomize = false }, TestContext.Current.CancellationToken);
        await using var subscription = await client.SubscribeAsync("ldm");
        await client.FlushAsync();

        var watch = Stopwatch.StartNew();
        await leaving.EnterLameDuckAsync(TestContext.Current.CancellationToken);

        Assert.True(
            await NatsTestExtensions.EventuallyAsync(() => client.State == NatsConnectionState.Connected && client.ConnectedUrl != leaving.ClientUrl, TimeSpan.FromSeconds(8)),
            $"still on {client.ConnectedUrl} after {watch.Elapsed}");
        await client.PublishAsync("ldm", "moved"u8.ToArray());
        Assert.Equal("moved", Encoding.UTF8.GetString((await subscription.NextAsync()).Data.Span));
    }
}
