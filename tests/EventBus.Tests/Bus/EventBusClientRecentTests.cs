using System.Text;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Bus;

public sealed class EventBusClientRecentTests(NatsServerFixture server) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private static readonly EventStreamSettings SingleNode = new() { Replicas = 1 };
    private EventBusClient _bus = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bus = await EventBusClient.ConnectAsync(server.ClientUrl);
        try
        {
            await _bus.JetStream.DeleteStreamAsync(ArgoWireNames.StreamName);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNotFound)
        {
        }
    }

    public async ValueTask DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task Without_a_stream_or_without_events_on_the_subject_nothing_is_read()
    {
        Assert.Empty(await _bus.ReadLatestAsync("es", "mine", 10, Ct));

        await _bus.EnsureStreamAsync(SingleNode, Ct);
        await PublishAsync("es", "other", "o1");

        Assert.Empty(await _bus.ReadLatestAsync("es", "mine", 10, Ct));
    }

    [Fact]
    public async Task Fewer_events_than_asked_are_all_read_oldest_first_skipping_other_subjects()
    {
        await _bus.EnsureStreamAsync(SingleNode, Ct);
        for (var i = 0; i < 7; i++)
        {
            await PublishAsync("es", "mine", $"m{i}");
            await PublishAsync("es", "other", $"o{i}");
            await PublishAsync("other-es", "mine", $"x{i}");
        }

        var events = await _bus.ReadLatestAsync("es", "mine", 100, Ct);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"m{i}"), events.Select(Text));
        Assert.All(events, e => Assert.Equal(("es", "mine"), (e.Source, e.Subject)));
    }

    [Fact]
    public async Task With_more_events_than_asked_only_the_newest_are_read_even_when_others_interleave_densely()
    {
        await _bus.EnsureStreamAsync(SingleNode, Ct);
        for (var i = 0; i < 60; i++)
        {
            await PublishAsync("es", "mine", $"m{i}");

            // Many others between two of ours: the first window of `count` sequences holds far fewer than `count` of ours.
            for (var j = 0; j < 9; j++)
            {
                await PublishAsync("es", "other", $"o{i}-{j}");
            }
        }

        var events = await _bus.ReadLatestAsync("es", "mine", 25, Ct);

        Assert.Equal(Enumerable.Range(35, 25).Select(i => $"m{i}"), events.Select(Text));
    }

    [Fact]
    public async Task Events_removed_from_the_front_of_the_stream_are_not_asked_for()
    {
        await _bus.EnsureStreamAsync(SingleNode with { MaxMsgs = 30 }, Ct);
        for (var i = 0; i < 50; i++)
        {
            await PublishAsync("es", i % 2 == 0 ? "mine" : "other", $"e{i}");
        }

        var events = await _bus.ReadLatestAsync("es", "mine", 1000, Ct);

        Assert.Equal(Enumerable.Range(20, 30).Where(i => i % 2 == 0).Select(i => $"e{i}"), events.Select(Text));
    }

    [Fact]
    public async Task A_count_that_is_not_positive_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _bus.ReadLatestAsync("es", "mine", 0, Ct));
    }

    private async Task PublishAsync(string eventSource, string eventName, string text)
    {
        var cloudEvent = new CloudEvent(Guid.NewGuid().ToString("N"), eventSource, "test")
        {
            Subject = eventName,
            DataContentType = "application/json",
            Time = DateTimeOffset.UtcNow,
        };
        cloudEvent.SetData(Encoding.UTF8.GetBytes($$"""{"text":"{{text}}"}"""));
        await _bus.PublishAsync(eventSource, eventName, cloudEvent, Ct);
    }

    private static string Text(CloudEvent cloudEvent)
    {
        var json = Encoding.UTF8.GetString(cloudEvent.Data.Span);
        return json["{\"text\":\"".Length..^2];
    }
}
