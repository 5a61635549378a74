using System.Text;
using ArgoEvents.EventSources.Protocols.Resp;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Resp;

public sealed class RedisSubscriberTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Channels_and_patterns_deliver_messages_with_their_channel_and_pattern()
    {
        var prefix = Guid.NewGuid().ToString("N");
        await using var subscriber = await RedisSubscriber.ConnectAsync(redis.Options with { ClientName = "sub" }, Ct);
        await using var publisher = await redis.ConnectAsync();
        await subscriber.SubscribeAsync([$"{prefix}.orders", $"{prefix}.audit"], Ct);
        await subscriber.PatternSubscribeAsync([$"{prefix}.news.*"], Ct);
        await subscriber.PingAsync(Ct);

        Assert.Equal(1, (await publisher.ExecuteAsync(["PUBLISH", $"{prefix}.orders", new byte[] { 1, 2, 0, 3 }], Ct)).Integer);
        Assert.Equal(1, (await publisher.ExecuteAsync(["PUBLISH", $"{prefix}.news.sport", "goal"], Ct)).Integer);
        Assert.Equal(0, (await publisher.ExecuteAsync(["PUBLISH", $"{prefix}.other", "nobody"], Ct)).Integer);
        Assert.Equal(1, (await publisher.ExecuteAsync(["PUBLISH", $"{prefix}.audit", "{\"a\":1}"], Ct)).Integer);

        var first = await subscriber.Messages.ReadAsync(Ct);
        Assert.Equal(($"{prefix}.orders", (string?)null), (first.Channel, first.Pattern));
        Assert.Equal(new byte[] { 1, 2, 0, 3 }, first.Payload.ToArray());

        var second = await subscriber.Messages.ReadAsync(Ct);
        Assert.Equal(($"{prefix}.news.sport", $"{prefix}.news.*", "goal"), (second.Channel, second.Pattern, Encoding.UTF8.GetString(second.Payload.Span)));

        var third = await subscriber.Messages.ReadAsync(Ct);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(third.Payload.Span));
    }

    [Fact]
    public async Task Unsubscribed_channels_and_patterns_stop_delivering()
    {
        var prefix = Guid.NewGuid().ToString("N");
        await using var subscriber = await RedisSubscriber.ConnectAsync(redis.Options, Ct);
        await using var publisher = await redis.ConnectAsync();
        await subscriber.SubscribeAsync([$"{prefix}.a", $"{prefix}.b"], Ct);
        await subscriber.PatternSubscribeAsync([$"{prefix}.p.*"], Ct);

        await subscriber.UnsubscribeAsync([$"{prefix}.a"], Ct);
        await subscriber.PatternUnsubscribeAsync([$"{prefix}.p.*"], Ct);
        Assert.Equal(0, (await publisher.ExecuteAsync(["PUBLISH", $"{prefix}.a", "x"], Ct)).Integer);
        Assert.Equal(0, (await publisher.ExecuteAsync(["PUBLISH", $"{prefix}.p.1", "x"], Ct)).Integer);
        Assert.Equal(1, (await publisher.ExecuteAsync(["PUBLISH", $"{prefix}.b", "still"], Ct)).Integer);

        var message = await subscriber.Messages.ReadAsync(Ct);
        Assert.Equal($"{prefix}.b", message.Channel);
        Assert.False(subscriber.Messages.TryRead(out _));
    }

    [Fact]
    public async Task Many_messages_arrive_in_order_through_the_async_stream()
    {
        var channel = "burst:" + Guid.NewGuid();
        await using var subscriber = await RedisSubscriber.ConnectAsync(redis.Options with { SubscriberBufferCapacity = 64 }, Ct);
        await using var publisher = await redis.ConnectAsync();
        await subscriber.SubscribeAsync([channel], Ct);
        const int count = 5_000;
        var publishes = Enumerable.Range(0, count).Select(i => publisher.ExecuteAsync(["PUBLISH", channel, i], Ct)).ToArray();

        var expected = 0;
        await foreach (var message in subscriber.ReadAllAsync(Ct))
        {
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.ASCII.GetString(message.Payload.Span));
            if (++expected == count)
            {
                break;
            }
        }

        await Task.WhenAll(publishes);
    }

    [Fact]
    public async Task Disposal_ends_the_stream_without_an_error()
    {
        var subscriber = await RedisSubscriber.ConnectAsync(redis.Options, Ct);
        await subscriber.SubscribeAsync(["quiet:" + Guid.NewGuid()], Ct);
        await subscriber.DisposeAsync();
        await subscriber.Messages.Completion.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.False(subscriber.IsConnected);
    }

    [Fact]
    public async Task An_empty_channel_list_is_refused()
    {
        await using var subscriber = await RedisSubscriber.ConnectAsync(redis.Options, Ct);
        await Assert.ThrowsAsync<ArgumentException>(() => subscriber.UnsubscribeAsync([], Ct));
    }
}
