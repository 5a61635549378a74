using System.Diagnostics;
using System.Text;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Bus;

public sealed class EventBusClientTests(NatsServerFixture server) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private static readonly EventStreamSettings SingleNode = new() { Replicas = 1 };
    private EventBusClient _bus = null!;

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
    public async Task Ensure_stream_creates_the_default_stream_as_argo_configures_it()
    {
        var info = await _bus.EnsureStreamAsync(SingleNode);

        Assert.Equal("default", info.Config.Name);
        Assert.Equal(["default.*.*"], info.Config.Subjects);
        Assert.Equal(50_000, info.Config.MaxMsgs);
        Assert.Equal(TimeSpan.FromSeconds(300), info.Config.DuplicateWindow);
        Assert.Equal(StorageType.File, info.Config.Storage);
    }

    [Fact]
    public async Task Ensure_stream_again_with_other_settings_updates_it()
    {
        await _bus.EnsureStreamAsync(SingleNode);

        var info = await _bus.EnsureStreamAsync(SingleNode with { MaxMsgs = 1234, MaxAge = TimeSpan.FromHours(1), Duplicates = TimeSpan.FromMinutes(1) });

        Assert.Equal(1234, info.Config.MaxMsgs);
        Assert.Equal(TimeSpan.FromHours(1), info.Config.MaxAge);
    }

    [Fact]
    public async Task Published_event_is_argos_json_on_argos_subject_with_its_id_as_msg_id()
    {
        await _bus.EnsureStreamAsync(SingleNode);
        var cloudEvent = WebhookEvent("3f0c5e1d9a8b4c7e8f901234567890ab");

        var ack = await _bus.PublishAsync("webhook", "example", cloudEvent);
        var stored = await _bus.JetStream.GetMessageAsync("default", ack.Sequence);

        Assert.Equal("default", ack.Stream);
        Assert.False(ack.Duplicate);
        Assert.Equal("default.webhook.example", stored!.Subject);
        Assert.Equal("3f0c5e1d9a8b4c7e8f901234567890ab", stored.Headers!["Nats-Msg-Id"]);
        Assert.Equal(
            """{"specversion":"1.0","id":"3f0c5e1d9a8b4c7e8f901234567890ab","source":"webhook","type":"webhook","subject":"example","datacontenttype":"application/json","time":"2026-07-18T12:00:00.1234567Z","data":{"header":{"Content-Type":["application/json"]},"body":{"message":"hi"}}}""",
            Encoding.UTF8.GetString(stored.Data.Span));
    }

    [Fact]
    public async Task The_same_event_published_twice_is_stored_once()
    {
        await _bus.EnsureStreamAsync(SingleNode);

        var first = await _bus.PublishAsync("calendar", "tick", WebhookEvent("tick-2026-11-22T10:00:00Z"));
        var replay = await _bus.PublishAsync("calendar", "tick", WebhookEvent("tick-2026-11-22T10:00:00Z"));
        var info = await _bus.JetStream.GetStreamInfoAsync("default");

        Assert.True(replay.Duplicate);
        Assert.Equal(first.Sequence, replay.Sequence);
        Assert.Equal(1ul, info.State.Messages);
    }

    [Fact]
    public async Task Trace_context_of_the_current_activity_rides_in_the_event_and_the_headers()
    {
        await _bus.EnsureStreamAsync(SingleNode);
        using var source = new ActivitySource("ArgoEvents.Tests.Bus");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var activity = source.StartActivity("publish")!;

        var ack = await _bus.PublishAsync("webhook", "traced", WebhookEvent("traced-1"));
        var stored = await _bus.JetStream.GetMessageAsync("default", ack.Sequence);
        var parsed = CloudEventJsonFormat.Parse(stored!.Data);

        Assert.Equal(activity.Id, stored.Headers![EventBusClient.TraceParentHeader]);
        Assert.True(parsed.TryGetTraceContext(out var context));
        Assert.Equal(activity.TraceId, context.TraceId);
    }

    [Fact]
    public async Task Sensor_consumer_is_named_as_argo_names_it_and_sees_only_new_events_of_its_dependency()
    {
        await _bus.EnsureStreamAsync(SingleNode);
        await _bus.PublishAsync("webhook", "example", WebhookEvent("before-consumer"));

        var consumer = await _bus.EnsureSensorConsumerAsync("webhook-sensor", "http-trigger", "test-dep", "webhook", "example");
        await _bus.PublishAsync("webhook", "other", WebhookEvent("other-event"));
        await _bus.PublishAsync("webhook", "example", WebhookEvent("after-consumer"));
        var info = await consumer.GetInfoAsync();
        var fetched = await consumer.FetchAsync(new FetchOptions { MaxMessages = 10, Expires = TimeSpan.FromSeconds(1) });

        Assert.Equal(ArgoWireNames.ConsumerName("webhook-sensor", "http-trigger", "test-dep"), consumer.Name);
        Assert.Equal("default.webhook.example", info.Config.FilterSubject);
        Assert.Equal(AckPolicy.Explicit, info.Config.AckPolicy);
        Assert.Equal(["after-consumer"], fetched.Select(m => EventBusClient.ReadEvent(m).Id));
        Assert.True(await _bus.DeleteSensorConsumerAsync("webhook-sensor", "http-trigger", "test-dep"));
    }

    [Fact]
    public async Task An_invalid_event_is_refused_before_it_reaches_the_bus()
    {
        await _bus.EnsureStreamAsync(SingleNode);
        var invalid = new CloudEvent("id-1", "webhook", "webhook") { DataContentType = "application/json" };
        invalid.SetData("{not json"u8.ToArray());

        var error = await Assert.ThrowsAsync<CloudEventValidationException>(() => _bus.PublishAsync("webhook", "example", invalid));

        Assert.Equal("data", error.AttributeName);
        Assert.Equal(0ul, (await _bus.JetStream.GetStreamInfoAsync("default")).State.Messages);
    }

    [Fact]
    public async Task Connection_string_may_list_several_servers()
    {
        var options = NatsConnectionString.Parse($"{server.ClientUrl}, nats://127.0.0.1:1");
        await using var bus = await EventBusClient.ConnectAsync($"nats://127.0.0.1:1,{server.ClientUrl}");

        Assert.Equal(2, options.Urls.Count);
        Assert.Equal(NatsConnectionState.Connected, bus.Connection.State);
        Assert.Throws<ArgumentException>(() => NatsConnectionString.Parse(" , "));
        Assert.Throws<ArgumentException>(() => NatsConnectionString.Parse("http://x:1"));
    }

    private static CloudEvent WebhookEvent(string id)
    {
        var cloudEvent = new CloudEvent(id, "webhook", "webhook")
        {
            Subject = "example",
            DataContentType = "application/json",
            Time = new DateTimeOffset(2026, 7, 18, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567),
        };
        cloudEvent.SetData("""{"header":{"Content-Type":["application/json"]},"body":{"message":"hi"}}"""u8.ToArray());
        return cloudEvent;
    }
}
