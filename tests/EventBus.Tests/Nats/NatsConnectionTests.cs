using System.Diagnostics;
using System.Text;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Nats;

public sealed class NatsConnectionTests(NatsServerFixture server) : IClassFixture<NatsServerFixture>
{
    private Task<NatsConnection> ConnectAsync(NatsOptions? options = null)
        => NatsConnection.ConnectAsync((options ?? new NatsOptions()) with { Urls = [server.ClientUrl] }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Connect_reads_the_servers_info()
    {
        await using var connection = await ConnectAsync();

        Assert.Equal(NatsConnectionState.Connected, connection.State);
        Assert.Equal("2.9.10", connection.ServerInfo!.Version);
        Assert.True(connection.ServerInfo.JetStream);
        Assert.True(connection.ServerInfo.Headers);
        Assert.Equal(1024 * 1024, connection.ServerInfo.MaxPayload);
    }

    [Fact]
    public async Task Published_messages_arrive_in_order_with_their_headers()
    {
        await using var publisher = await ConnectAsync();
        await using var subscriber = await ConnectAsync();
        await using var subscription = await subscriber.SubscribeAsync("orders.*");
        await subscriber.FlushAsync();

        for (var i = 0; i < 100; i++)
        {
            var headers = i % 2 == 0 ? new NatsHeaders().Add("Seq", i.ToString()).Add("Seq", "again") : null;
            await publisher.PublishAsync($"orders.{i % 3}", Encoding.UTF8.GetBytes($"m{i}"), headers);
        }

        var received = await subscription.TakeAsync(100);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal($"orders.{i % 3}", received[i].Subject);
            Assert.Equal($"m{i}", Encoding.UTF8.GetString(received[i].Data.Span));
            if (i % 2 == 0)
            {
                Assert.Equal([i.ToString(), "again"], received[i].Headers!.GetValues("Seq"));
            }
            else
            {
                Assert.Null(received[i].Headers);
            }
        }
    }

    [Fact]
    public async Task Empty_and_large_payloads_round_trip()
    {
        await using var connection = await ConnectAsync();
        await using var subscription = await connection.SubscribeAsync("sizes");
        var large = new byte[connection.ServerInfo!.MaxPayload - 100];
        Random.Shared.NextBytes(large);

        await connection.PublishAsync("sizes", ReadOnlyMemory<byte>.Empty);
        await connection.PublishAsync("sizes", large, new NatsHeaders().Add("K", "V"));

        Assert.True((await subscription.NextAsync()).Data.IsEmpty);
        Assert.Equal(large, (await subscription.NextAsync()).Data.ToArray());
    }

    [Fact]
    public async Task Queue_group_members_share_the_messages()
    {
        await using var connection = await ConnectAsync();
        await using var a = await connection.SubscribeAsync("work", "workers");
        await using var b = await connection.SubscribeAsync("work", "workers");
        await connection.FlushAsync();

        for (var i = 0; i < 200; i++)
        {
            await connection.PublishAsync("work", Encoding.UTF8.GetBytes(i.ToString()));
        }

        await connection.FlushAsync();
        Assert.True(await NatsTestExtensions.EventuallyAsync(() => a.DeliveredMessages + b.DeliveredMessages == 200, TimeSpan.FromSeconds(5)));
        Assert.InRange(a.DeliveredMessages, 1, 199);
        Assert.InRange(b.DeliveredMessages, 1, 199);
    }

    [Fact]
    public async Task Request_gets_the_reply_of_a_responder()
    {
        await using var responder = await ConnectAsync();
        await using var requester = await ConnectAsync();
        await using var service = await responder.SubscribeAsync("echo");
        await responder.FlushAsync();
        var serving = Task.Run(async () =>
        {
            await foreach (var msg in service.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                await msg.ReplyAsync(Encoding.UTF8.GetBytes("re:" + Encoding.UTF8.GetString(msg.Data.Span)), new NatsHeaders().Add("From", "echo"));
            }
        });

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => requester.RequestAsync("echo", Encoding.UTF8.GetBytes(i.ToString()))));

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal($"re:{i}", Encoding.UTF8.GetString(replies[i].Data.Span));
            Assert.Equal("echo", replies[i].Headers!["From"]);
        }
    }

    [Fact]
    public async Task Request_to_a_subject_nobody_serves_fails_with_no_responders_in_under_50_ms()
    {
        await using var connection = await ConnectAsync();
        await Assert.ThrowsAsync<NatsNoRespondersException>(() => connection.RequestAsync("warmup.nobody", default));

        var elapsed = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<NatsNoRespondersException>(() => connection.RequestAsync("nobody.home", default));
            elapsed.Add(watch.Elapsed);
            Assert.Equal("nobody.home", error.Subject);
        }

        Assert.True(elapsed.Min() < TimeSpan.FromMilliseconds(50), $"fastest no-responders took {elapsed.Min().TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Request_without_reply_times_out()
    {
        await using var connection = await ConnectAsync();
        await using var silent = await connection.SubscribeAsync("silent");
        await connection.FlushAsync();

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<NatsTimeoutException>(() => connection.RequestAsync("silent", default, timeout: TimeSpan.FromMilliseconds(200)));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(190), TimeSpan.FromSeconds(2));
        Assert.Equal("silent", error.Subject);
    }

    [Fact]
    public async Task Cancelled_request_ends_with_cancellation()
    {
        await using var connection = await ConnectAsync();
        await using var silent = await connection.SubscribeAsync("silent.cancel");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.RequestAsync("silent.cancel", default, cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task Over_size_publish_is_refused_by_the_client_and_the_connection_keeps_working()
    {
        await using var connection = await ConnectAsync();
        await using var subscription = await connection.SubscribeAsync("after");
        var max = connection.ServerInfo!.MaxPayload;

        var error = await Assert.ThrowsAsync<NatsPayloadTooLargeException>(async () => await connection.PublishAsync("big", new byte[max + 1]));
        var withHeaders = await Assert.ThrowsAsync<NatsPayloadTooLargeException>(async () => await connection.PublishAsync("big", new byte[max - 4], new NatsHeaders().Add("A", "B")));
        await connection.PublishAsync("after", Encoding.UTF8.GetBytes("still here"));

        Assert.Equal(max + 1, error.Size);
        Assert.Contains("max_payload", error.Message, StringComparison.Ordinal);
        Assert.True(withHeaders.Size > max);
        Assert.Equal("still here", Encoding.UTF8.GetString((await subscription.NextAsync()).Data.Span));
        Assert.Equal(NatsConnectionState.Connected, connection.State);
        Assert.Equal(0, connection.Reconnects);
    }

    [Fact]
    public async Task A_full_subscription_drops_new_messages_and_counts_them()
    {
        await using var connection = await ConnectAsync();
        await using var subscription = await connection.SubscribeAsync("flood", null, capacity: 10);

        for (var i = 0; i < 25; i++)
        {
            await connection.PublishAsync("flood", Encoding.UTF8.GetBytes(i.ToString()));
        }

        await connection.FlushAsync();
        Assert.True(await NatsTestExtensions.EventuallyAsync(() => subscription.DroppedMessages == 15, TimeSpan.FromSeconds(5)));
        var kept = await subscription.TakeAsync(10);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString()), kept.Select(m => Encoding.UTF8.GetString(m.Data.Span)));
        Assert.Equal(NatsConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Unsubscribed_subscription_receives_nothing_more_but_keeps_what_was_queued()
    {
        await using var connection = await ConnectAsync();
        var subscription = await connection.SubscribeAsync("unsub");
        await connection.PublishAsync("unsub", "1"u8.ToArray());
        await connection.FlushAsync();
        Assert.True(await NatsTestExtensions.EventuallyAsync(() => subscription.DeliveredMessages == 1, TimeSpan.FromSeconds(5)));

        await subscription.UnsubscribeAsync();
        await connection.PublishAsync("unsub", "2"u8.ToArray());
        await connection.FlushAsync();

        var all = new List<string>();
        await foreach (var msg in subscription.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            all.Add(Encoding.UTF8.GetString(msg.Data.Span));
        }

        Assert.Equal(["1"], all);
    }

    [Fact]
    public async Task Drain_delivers_what_was_published_before_and_closes()
    {
        await using var publisher = await ConnectAsync();
        var consumer = await ConnectAsync();
        var subscription = await consumer.SubscribeAsync("drain");
        await consumer.FlushAsync();
        for (var i = 0; i < 500; i++)
        {
            await publisher.PublishAsync("drain", Encoding.UTF8.GetBytes(i.ToString()));
        }

        await publisher.FlushAsync();
        await consumer.DrainAsync(TestContext.Current.CancellationToken);

        var count = 0;
        await foreach (var _ in subscription.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            count++;
        }

        Assert.Equal(500, count);
        Assert.Equal(NatsConnectionState.Closed, consumer.State);
        await Assert.ThrowsAsync<NatsConnectionException>(async () => await consumer.PublishAsync("drain", default));
    }

    [Fact]
    public async Task Dispose_fails_pending_requests_and_ends_subscriptions()
    {
        var connection = await ConnectAsync();
        await using var silent = await connection.SubscribeAsync("pending");
        var request = connection.RequestAsync("pending", default, timeout: TimeSpan.FromSeconds(30));

        await connection.DisposeAsync();

        await Assert.ThrowsAsync<NatsConnectionException>(() => request);
        var queued = 0;
        await foreach (var _ in silent.ReadAllAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token))
        {
            queued++;
        }

        Assert.Equal(1, queued); // the request itself, echoed to this connection's own subscription
        Assert.True(silent.Msgs.Completion.IsCompleted);
    }

    [Fact]
    public async Task Invalid_subjects_are_refused_before_reaching_the_wire()
    {
        await using var connection = await ConnectAsync();

        await Assert.ThrowsAsync<NatsProtocolArgumentException>(async () => await connection.PublishAsync("has space", default));
        await Assert.ThrowsAsync<NatsProtocolArgumentException>(async () => await connection.SubscribeAsync("a..b"));
        await Assert.ThrowsAsync<NatsProtocolArgumentException>(async () => await connection.SubscribeAsync("ok", "bad group"));
        await connection.FlushAsync();
        Assert.Equal(NatsConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Unreachable_server_fails_connect_with_the_address_named()
    {
        var port = ArgoEvents.Testing.FreePorts.Next();
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<NatsConnectionException>(() => NatsConnection.ConnectAsync($"nats://127.0.0.1:{port}", TestContext.Current.CancellationToken));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }
}
