using System.Diagnostics;
using System.Text;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.Testing.Fixtures;
using Xunit;
using static ArgoEvents.EventBus.Tests.JetStream.Integration.JetStreamTestKit;

namespace ArgoEvents.EventBus.Tests.JetStream.Integration;

public sealed class PullConsumerTests(NatsServerFixture server) : IClassFixture<NatsServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Durable_consumer_is_created_through_the_named_api_and_can_be_updated_read_and_deleted()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = await CreateStreamAsync(js, 0);

        var created = await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig("proc") { FilterSubject = $"{stream}.x", AckWait = TimeSpan.FromSeconds(10) }, cancellationToken: Ct);
        var updated = await js.CreateOrUpdateConsumerAsync(stream, new ConsumerConfig("proc") { FilterSubject = $"{stream}.x", AckWait = TimeSpan.FromSeconds(20) }, cancellationToken: Ct);
        var names = await js.GetConsumerNamesAsync(stream, Ct).ToListAsync();
        var listed = await js.ListConsumersAsync(stream, Ct).ToListAsync();

        Assert.Equal("proc", created.Name);
        Assert.Equal(TimeSpan.FromSeconds(10), created.Config.AckWait);
        Assert.Equal(TimeSpan.FromSeconds(20), updated.Config.AckWait);
        Assert.Equal(["proc"], names);
        Assert.Equal($"{stream}.x", Assert.Single(listed).Config.FilterSubject);
        Assert.True(await js.DeleteConsumerAsync(stream, "proc", Ct));
        var gone = await Assert.ThrowsAsync<JetStreamApiException>(() => js.GetConsumerInfoAsync(stream, "proc", Ct));
        Assert.Equal(JetStreamErrorCode.ConsumerNotFound, gone.ErrorCode);
    }

    [Fact]
    public async Task Fetch_returns_a_full_batch_at_once_and_a_partial_one_at_expiry()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = await CreateStreamAsync(js, 7);
        var consumer = await CreateConsumerAsync(js, stream, new ConsumerConfig("fetch"));

        var full = await consumer.FetchAsync(new FetchOptions { MaxMessages = 5, Expires = TimeSpan.FromSeconds(10) }, Ct);
        var watch = Stopwatch.StartNew();
        var partial = await consumer.FetchAsync(new FetchOptions { MaxMessages = 5, Expires = TimeSpan.FromMilliseconds(500), IdleHeartbeat = TimeSpan.FromMilliseconds(100) }, Ct);
        var partialTook = watch.Elapsed;
        var empty = await consumer.FetchAsync(new FetchOptions { MaxMessages = 5, NoWait = true }, Ct);

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], full.Select(Text));
        Assert.True(partialTook < TimeSpan.FromSeconds(5), "a full batch must not wait for the expiry");
        Assert.Equal(["m5", "m6"], partial.Select(Text));
        Assert.Empty(empty);
        Assert.Equal(stream, full[0].Metadata.Stream);
        Assert.Equal("fetch", full[0].Metadata.Consumer);
        Assert.Equal(1UL, full[0].Metadata.StreamSequence);
        Assert.Equal(6UL, full[0].Metadata.NumPending);
    }

    [Fact]
    public async Task Fetch_on_a_missing_consumer_fails_clearly()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = await CreateStreamAsync(js, 0);

        var ex = await Assert.ThrowsAsync<JetStreamException>(() => js.GetPullConsumer(stream, "absent").FetchAsync(new FetchOptions { Expires = TimeSpan.FromSeconds(1) }, Ct));

        Assert.Contains("absent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nak_with_delay_is_redelivered_after_the_delay_and_not_before()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = await CreateStreamAsync(js, 1);
        var consumer = await CreateConsumerAsync(js, stream, new ConsumerConfig("nak") { AckWait = TimeSpan.FromSeconds(30) });
        var delay = TimeSpan.FromMilliseconds(1500);

        var first = Assert.Single(await consumer.FetchAsync(new FetchOptions { MaxMessages = 1 }, Ct));
        var sinceNak = Stopwatch.StartNew();
        await first.NakAsync(delay, Ct);
        var early = await consumer.FetchAsync(new FetchOptions { MaxMessages = 1, Expires = TimeSpan.FromMilliseconds(900) }, Ct);
        var again = Assert.Single(await consumer.FetchAsync(new FetchOptions { MaxMessages = 1, Expires = TimeSpan.FromSeconds(5) }, Ct));
        var redeliveredAfter = sinceNak.Elapsed;

        Assert.Empty(early);
        Assert.True(redeliveredAfter >= delay, $"redelivered after {redeliveredAfter.TotalMilliseconds} ms, before the {delay.TotalMilliseconds} ms delay");
        Assert.Equal(2UL, again.Metadata.NumDelivered);
        Assert.Equal(first.Metadata.StreamSequence, again.Metadata.StreamSequence);
        await again.AckSyncAsync(cancellationToken: Ct);
    }

    [Fact]
    public async Task Max_deliver_stops_redelivery_after_that_many_attempts()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = await CreateStreamAsync(js, 1);
        var consumer = await CreateConsumerAsync(js, stream, new ConsumerConfig("maxdeliver") { MaxDeliver = 3, AckWait = TimeSpan.FromSeconds(30) });
        var deliveries = new List<ulong>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var msg = Assert.Single(await consumer.FetchAsync(new FetchOptions { MaxMessages = 1, Expires = TimeSpan.FromSeconds(5) }, Ct));
            deliveries.Add(msg.Metadata.NumDelivered);
            await msg.NakAsync(cancellationToken: Ct);
        }

        var fourth = await consumer.FetchAsync(new FetchOptions { MaxMessages = 1, Expires = TimeSpan.FromSeconds(1) }, Ct);

        Assert.Equal([1UL, 2UL, 3UL], deliveries);
        Assert.Empty(fourth);
    }

    [Fact]
    public async Task In_progress_extends_the_ack_wait()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = await CreateStreamAsync(js, 1);
        var ackWait = TimeSpan.FromSeconds(1);
        var consumer = await CreateConsumerAsync(js, stream, new ConsumerConfig("wpi") { AckWait = ackWait });

        var msg = Assert.Single(await consumer.FetchAsync(new FetchOptions { MaxMessages = 1 }, Ct));
        var held = Stopwatch.StartNew();

        // Keep working for 2.5 ack waits while another pull waits for any redelivery.
        var watcher = consumer.FetchAsync(new FetchOptions { MaxMessages = 1, Expires = TimeSpan.FromMilliseconds(2500) }, Ct);
        while (held.Elapsed < TimeSpan.FromMilliseconds(2400))
        {
            await Task.Delay(400, Ct);
            await msg.InProgressAsync(Ct);
        }

        var redeliveredWhileWorking = await watcher;

        // Once the signals stop, the ordinary ack wait applies again: proof that the wait really is short.
        var redelivered = Assert.Single(await consumer.FetchAsync(new FetchOptions { MaxMessages = 1, Expires = TimeSpan.FromSeconds(5) }, Ct));

        Assert.Empty(redeliveredWhileWorking);
        Assert.Equal(2UL, redelivered.Metadata.NumDelivered);
        await redelivered.AckAsync(Ct);
    }

    [Fact]
    public async Task Term_stops_redelivery()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = await CreateStreamAsync(js, 2);
        var consumer = await CreateConsumerAsync(js, stream, new ConsumerConfig("term") { AckWait = TimeSpan.FromMilliseconds(500) });

        var batch = await consumer.FetchAsync(new FetchOptions { MaxMessages = 2 }, Ct);
        await batch[0].TermAsync(cancellationToken: Ct);

        // The second, neither acked nor termed, comes back after the ack wait; the termed one never does.
        var later = await consumer.FetchAsync(new FetchOptions { MaxMessages = 5, Expires = TimeSpan.FromMilliseconds(2000) }, Ct);

        Assert.Equal(2, batch.Count);
        Assert.All(later, m => Assert.Equal(2UL, m.Metadata.StreamSequence));
        Assert.NotEmpty(later);
        await Assert.ThrowsAsync<JetStreamFeatureNotSupportedException>(async () => await batch[1].TermAsync("poison", Ct));
    }

    [Fact]
    public async Task Double_ack_returns_once_the_server_recorded_it()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = await CreateStreamAsync(js, 3);
        var consumer = await CreateConsumerAsync(js, stream, new ConsumerConfig("dack"));

        foreach (var msg in await consumer.FetchAsync(new FetchOptions { MaxMessages = 3 }, Ct))
        {
            await msg.AckSyncAsync(cancellationToken: Ct);
        }

        var info = await consumer.GetInfoAsync(Ct);
        Assert.Equal(0, info.NumAckPending);
        Assert.Equal(3UL, info.AckFloor.StreamSequence);
    }

    [Fact]
    public async Task Consume_delivers_everything_with_a_small_buffer_and_keeps_up_with_new_messages()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = await CreateStreamAsync(js, 250);
        var consumer = await CreateConsumerAsync(js, stream, new ConsumerConfig("consume"));
        using var timeout = Infrastructure.TestTimeout.After(30);
        var received = new List<string>();

        await foreach (var msg in consumer.ConsumeAsync(new ConsumeOptions { MaxMessages = 20 }, timeout.Token))
        {
            received.Add(Text(msg));
            await msg.AckAsync(timeout.Token);
            if (received.Count == 250)
            {
                // Later publishes reach the running consumer too.
                for (var i = 250; i < 300; i++)
                {
                    await js.PublishAsync($"{stream}.x", Encoding.UTF8.GetBytes($"m{i}"), cancellationToken: timeout.Token);
                }
            }

            if (received.Count == 300)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"m{i}"), received);
    }

    [Fact]
    public async Task Consume_stops_with_an_exception_when_the_consumer_is_deleted()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = await CreateStreamAsync(js, 0);
        var consumer = await CreateConsumerAsync(js, stream, new ConsumerConfig("doomed"));
        using var timeout = Infrastructure.TestTimeout.After(20);

        var consuming = Task.Run(async () =>
        {
            await foreach (var msg in consumer.ConsumeAsync(cancellationToken: timeout.Token))
            {
                await msg.AckAsync(timeout.Token);
            }
        });
        await EventuallyAsync(async () => (await consumer.GetInfoAsync(timeout.Token)).NumWaiting > 0, timeout.Token);
        await js.DeleteConsumerAsync(stream, "doomed", timeout.Token);

        var ex = await Assert.ThrowsAsync<JetStreamException>(() => consuming);
        Assert.Contains("409", ex.Message, StringComparison.Ordinal);
        Assert.Contains("doomed", ex.Message, StringComparison.Ordinal);
    }

    private static string Text(JsMsg msg) => Encoding.UTF8.GetString(msg.Data.Span);

    private static async Task<string> CreateStreamAsync(JetStreamContext js, int messages)
    {
        var name = Unique("PULL");
        await js.CreateStreamAsync(new StreamConfig(name, $"{name}.>"), Ct);
        for (var i = 0; i < messages; i++)
        {
            await js.PublishAsync($"{name}.x", Encoding.UTF8.GetBytes($"m{i}"), cancellationToken: Ct);
        }

        return name;
    }

    private static async Task<PullConsumer> CreateConsumerAsync(JetStreamContext js, string stream, ConsumerConfig config)
    {
        await js.CreateOrUpdateConsumerAsync(stream, config, cancellationToken: Ct);
        return js.GetPullConsumer(stream, config.DurableName!);
    }
}
