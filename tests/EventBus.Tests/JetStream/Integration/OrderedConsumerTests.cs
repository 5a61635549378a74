using System.Text;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.Testing.Fixtures;
using Xunit;
using static ArgoEvents.EventBus.Tests.JetStream.Integration.JetStreamTestKit;

namespace ArgoEvents.EventBus.Tests.JetStream.Integration;

public sealed class OrderedConsumerTests(NatsServerFixture server) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task Ordered_consumer_receives_everything_in_stream_order_including_later_messages()
    {
        using var timeout = Infrastructure.TestTimeout.After(30);
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = Unique("ORD");
        await js.CreateStreamAsync(new StreamConfig(stream, $"{stream}.>"), timeout.Token);
        await PublishAsync(js, stream, 0, 1500, timeout.Token);

        await using var ordered = await js.CreateOrderedConsumerAsync(stream, cancellationToken: timeout.Token);
        var publishing = PublishAsync(js, stream, 1500, 3000, timeout.Token);
        var sequences = new List<ulong>();
        var payloads = new List<string>();
        await foreach (var msg in ordered.ReadAllAsync(timeout.Token))
        {
            sequences.Add(msg.Metadata.StreamSequence);
            payloads.Add(Encoding.UTF8.GetString(msg.Data.Span));
            if (sequences.Count == 3000)
            {
                break;
            }
        }

        await publishing;
        Assert.Equal(1500UL, ordered.InitialPending);
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => (ulong)i), sequences);
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => $"m{i}"), payloads);
        Assert.Equal(0, ordered.Resets);
    }

    [Fact]
    public async Task Ordered_consumer_recreates_itself_after_its_server_side_consumer_vanishes_without_gap_or_duplicate()
    {
        using var timeout = Infrastructure.TestTimeout.After(30);
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = Unique("ORDRESET");
        await js.CreateStreamAsync(new StreamConfig(stream, $"{stream}.>"), timeout.Token);
        await PublishAsync(js, stream, 0, 100, timeout.Token);

        await using var ordered = await js.CreateOrderedConsumerAsync(
            stream,
            new OrderedConsumerOptions { FilterSubject = $"{stream}.>", IdleHeartbeat = TimeSpan.FromMilliseconds(200) },
            timeout.Token);
        var sequences = new List<ulong>();
        await foreach (var msg in ordered.ReadAllAsync(timeout.Token))
        {
            sequences.Add(msg.Metadata.StreamSequence);
            if (sequences.Count == 100)
            {
                // Delete the server-side consumer behind the client's back, then add more messages.
                var name = Assert.Single(await js.GetConsumerNamesAsync(stream, timeout.Token).ToListAsync());
                await js.DeleteConsumerAsync(stream, name, timeout.Token);
                await PublishAsync(js, stream, 100, 150, timeout.Token);
            }

            if (sequences.Count == 150)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(1, 150).Select(i => (ulong)i), sequences);
        Assert.True(ordered.Resets >= 1);
    }

    [Fact]
    public async Task Ordered_consumer_honours_filter_and_start_sequence()
    {
        using var timeout = Infrastructure.TestTimeout.After(30);
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var stream = Unique("ORDFILTER");
        await js.CreateStreamAsync(new StreamConfig(stream, $"{stream}.>"), timeout.Token);
        for (var i = 1; i <= 10; i++)
        {
            await js.PublishAsync($"{stream}.{(i % 2 == 0 ? "even" : "odd")}", Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken: timeout.Token);
        }

        await using var ordered = await js.CreateOrderedConsumerAsync(
            stream,
            new OrderedConsumerOptions { FilterSubject = $"{stream}.even", DeliverPolicy = DeliverPolicy.ByStartSequence, OptStartSequence = 5 },
            timeout.Token);
        var received = new List<string>();
        await foreach (var msg in ordered.ReadAllAsync(timeout.Token))
        {
            received.Add(Encoding.UTF8.GetString(msg.Data.Span));
            if (msg.Metadata.NumPending == 0)
            {
                break;
            }
        }

        Assert.Equal(["6", "8", "10"], received);
    }

    private static async Task PublishAsync(JetStreamContext js, string stream, int from, int to, CancellationToken cancellationToken)
    {
        var publisher = js.CreateAsyncPublisher();
        for (var i = from; i < to; i++)
        {
            await publisher.PublishAsync($"{stream}.{i % 3}", Encoding.UTF8.GetBytes($"m{i}"), cancellationToken: cancellationToken);
        }

        await publisher.WaitForAllAsync(cancellationToken);
    }
}
