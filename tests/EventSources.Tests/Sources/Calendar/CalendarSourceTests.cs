using System.Text;
using System.Text.Json;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Calendar;

public sealed class CalendarSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private BusProbe _probe = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BusProbe.ConnectAsync(nats.ClientUrl);
        await _probe.ResetAsync();
    }

    public async ValueTask DisposeAsync() => await _probe.DisposeAsync();

    [Fact]
    public async Task Argos_example_manifest_runs_unchanged_and_ticks_on_multiples_of_its_interval()
    {
        await using var host = await StartAsync(ArgoCorpus.Read("event-sources/calendar.yaml"));

        var events = await _probe.WaitForAsync(1, "default.calendar.example-with-interval", TimeSpan.FromSeconds(15));

        Assert.NotEmpty(events);
        var (_, cloudEvent, msgId) = events[0];
        Assert.Equal(("calendar", "calendar", "example-with-interval"), (cloudEvent.Source, cloudEvent.Type, cloudEvent.Subject));
        var tick = Tick(cloudEvent.Data);
        Assert.Equal(0, tick.ToUnixTimeMilliseconds() % 10_000);
        Assert.Equal(EventIds.Derived("calendar", "example-with-interval", CalendarTickText.Write(tick)), msgId);
        Assert.Equal("{\"eventTime\":\"" + GoTimeText.Format(tick, TimeZoneInfo.Utc) + "\"}", Encoding.UTF8.GetString(cloudEvent.Data.Span));
    }

    [Fact]
    public async Task Interval_ticks_arrive_in_order_one_interval_apart_with_metadata_and_derived_ids()
    {
        await using var host = await StartAsync(Manifest("ticks", """
                every-second:
                  interval: 1s
                  metadata:
                    hello: world
                    "a<b": "x&y"
            """));

        var events = await _probe.WaitForAsync(3, "default.ticks.every-second");

        Assert.True(events.Count >= 3, $"expected 3 ticks, got {events.Count}");
        var ticks = events.Select(e => Tick(e.Event.Data)).ToList();
        Assert.All(ticks, t => Assert.Equal(0, t.ToUnixTimeMilliseconds() % 1000));
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Second - pair.First));
        var first = events[0];
        Assert.Equal(EventIds.Derived("ticks", "every-second", CalendarTickText.Write(ticks[0])), first.Event.Id);
        Assert.Equal(first.Event.Id, first.MsgId);
        Assert.EndsWith(
            ",\"metadata\":{\"a\\u003cb\":\"x\\u0026y\",\"hello\":\"world\"}}",
            Encoding.UTF8.GetString(first.Event.Data.Span),
            StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC$", EventTime(first.Event.Data));
    }

    [Fact]
    public async Task Event_time_is_written_in_the_time_zone()
    {
        await using var host = await StartAsync(Manifest("zoned", """
                kolkata:
                  interval: 1s
                  timezone: Asia/Kolkata
            """));

        var events = await _probe.WaitForAsync(1, "default.zoned.kolkata");

        Assert.NotEmpty(events);
        var eventTime = EventTime(events[0].Event.Data);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0530 IST$", eventTime);
        var tick = Tick(events[0].Event.Data);
        Assert.Equal(tick.ToOffset(new TimeSpan(5, 30, 0)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), eventTime[..19]);
    }

    [Fact]
    public async Task Ticks_on_excluded_days_do_not_fire()
    {
        var today = DateTime.UtcNow;
        var tomorrow = today.AddDays(1);
        await using var host = await StartAsync(Manifest("holidays", $"""
                excluded:
                  interval: 1s
                  exclusionDates:
                    - "EXDATE:{today:yyyyMMdd}T000000Z,{tomorrow:yyyyMMdd}T000000Z"
                working:
                  interval: 1s
            """));

        var working = await _probe.WaitForAsync(3, "default.holidays.working");

        Assert.True(working.Count >= 3, $"the unexcluded event should tick; got {working.Count}");
        Assert.Empty(await _probe.ReadAllAsync("default.holidays.excluded"));
    }

    [Fact]
    public async Task A_cron_schedule_publishes_the_missed_minutes_from_the_stored_tick_at_start()
    {
        // Cron ticks are whole minutes: seeding the last tick three minutes back lets the catch-up prove them at once.
        var now = DateTimeOffset.UtcNow;
        var lastTick = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-3);
        await SeedLastTickAsync("cron", "every-minute", lastTick);
        await using var host = await StartAsync(Manifest("cron", """
                every-minute:
                  schedule: "* * * * *"
                  persistence:
                    catchup:
                      enabled: true
                      maxDuration: 5m
            """));

        var events = await _probe.WaitForAsync(3, "default.cron.every-minute");

        Assert.Equal(
            [lastTick.AddMinutes(1), lastTick.AddMinutes(2), lastTick.AddMinutes(3)],
            events.Take(3).Select(e => Tick(e.Event.Data)));
        Assert.Equal(CalendarTickText.Write(lastTick.AddMinutes(3)), await ReadLastTickAsync("cron", "every-minute"));
    }

    [Fact]
    public async Task Catch_up_is_capped_by_max_duration()
    {
        var now = DateTimeOffset.UtcNow;
        await SeedLastTickAsync("capped", "seconds", now.AddHours(-1));
        await using var host = await StartAsync(Manifest("capped", """
                seconds:
                  interval: 1s
                  persistence:
                    catchup:
                      enabled: true
                      maxDuration: 3s
            """));

        var events = await _probe.WaitForAsync(1, "default.capped.seconds");

        Assert.True(Tick(events[0].Event.Data) > now.AddSeconds(-4), "ticks older than maxDuration must not be published");
    }

    [Fact]
    public async Task After_a_restart_the_missed_ticks_arrive_in_order_and_none_twice()
    {
        var manifest = Manifest("restart", """
                every-second:
                  interval: 1s
            """);
        await using (var first = await StartAsync(manifest))
        {
            await _probe.WaitForAsync(2, "default.restart.every-second");
        }

        var beforeRestart = (await _probe.ReadAllAsync("default.restart.every-second")).Count;
        await Task.Delay(TimeSpan.FromSeconds(3));
        await using var second = await StartAsync(manifest);
        var target = beforeRestart + 5;
        var events = await _probe.WaitForAsync(target, "default.restart.every-second", TimeSpan.FromSeconds(15));

        Assert.True(events.Count >= target, $"expected {target} ticks, got {events.Count}");
        var ticks = events.Select(e => Tick(e.Event.Data)).ToList();
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Second - pair.First));
        Assert.Equal(ticks.Count, events.Select(e => e.Event.Id).Distinct().Count());
    }

    [Fact]
    public async Task Two_publishers_of_the_same_ticks_store_each_tick_once()
    {
        var manifest = Manifest("twins", """
                every-second:
                  interval: 1s
            """);
        await using var host = await StartAsync(manifest);
        await using var twin = await TestSourceContext.StartAsync("twins", nats.ClientUrl, EventSourceTypes.Calendar, ["every-second"], wrapDispatcher: d => new CountingDispatcher(d));
        var named = new NamedEventSource("every-second", new CalendarEventSource { Interval = GoDuration.Parse("1s") });
        var twinSource = new CalendarSourceFactory().Create(named, twin.Context).Active!;
        using var stop = new CancellationTokenSource();
        var running = twinSource.RunAsync(stop.Token);

        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var events = await _probe.ReadAllAsync("default.twins.every-second");

        Assert.True(((CountingDispatcher)twin.Context.Dispatcher).Acknowledged >= 3, "the second publisher should have published too");
        var ticks = events.Select(e => Tick(e.Event.Data)).ToList();
        Assert.True(ticks.Count >= 3);
        Assert.Equal(ticks.Count, ticks.Distinct().Count());
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Second - pair.First));
    }

    [Fact]
    public async Task Specs_that_cannot_run_are_refused_naming_the_field()
    {
        await using var context = await TestSourceContext.StartAsync("bad", nats.ClientUrl, EventSourceTypes.Calendar, ["x"]);
        var factory = new CalendarSourceFactory();

        var zone = Assert.Throws<InvalidOperationException>(() => factory.Create(new NamedEventSource("x", new CalendarEventSource { Interval = GoDuration.Parse("1s"), Timezone = "Mars/Olympus" }), context.Context));
        var exdate = Assert.Throws<InvalidOperationException>(() => factory.Create(new NamedEventSource("x", new CalendarEventSource { Interval = GoDuration.Parse("1s"), ExclusionDates = ["EXDATE:tomorrow"] }), context.Context));
        var schedule = Assert.Throws<InvalidOperationException>(() => factory.Create(new NamedEventSource("x", new CalendarEventSource { Schedule = "@hourly" }), context.Context));

        Assert.Contains("spec.calendar.x.timezone", zone.Message, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", zone.Message, StringComparison.Ordinal);
        Assert.Contains("spec.calendar.x.exclusionDates[0]", exdate.Message, StringComparison.Ordinal);
        Assert.Contains("spec.calendar.x.schedule", schedule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kv_keys_keep_distinct_names_distinct_and_are_valid()
    {
        var keys = new[]
        {
            CalendarTickStore.KeyFor("a.b", "c"),
            CalendarTickStore.KeyFor("a", "b.c"),
            CalendarTickStore.KeyFor("es", "with space=é"),
        };

        Assert.Equal("a=2Eb.c", keys[0]);
        Assert.Equal("a.b=2Ec", keys[1]);
        Assert.Equal("es.with=20space=3D=C3=A9", keys[2]);
        Assert.All(keys, key => KeyValueNames.EnsureValidKey(key));
    }

    /// <summary>The service's registry with this type in it, whether or not the build already registers it.</summary>
    private static SourceRegistry Sources()
    {
        var registry = EventSourceService.DefaultSources();
        return registry.Types.Contains(ArgoEvents.Api.V1Alpha1.EventSourceTypes.Calendar) ? registry : registry.Add(new CalendarSourceFactory());
    }

    private Task<EventSourceTestHost> StartAsync(string manifest)
        => EventSourceTestHost.StartAsync(manifest, nats.ClientUrl, sources: Sources());

    private async Task SeedLastTickAsync(string eventSource, string eventName, DateTimeOffset tick)
    {
        var store = await _probe.Bus.KeyValue.CreateOrUpdateStoreAsync(new KeyValueConfig(CalendarTickStore.BucketName));
        await store.PutAsync(CalendarTickStore.KeyFor(eventSource, eventName), Encoding.UTF8.GetBytes(CalendarTickText.Write(tick)));
    }

    private async Task<string?> ReadLastTickAsync(string eventSource, string eventName)
    {
        var store = await _probe.Bus.KeyValue.GetStoreAsync(CalendarTickStore.BucketName);
        var entry = await store.GetAsync(CalendarTickStore.KeyFor(eventSource, eventName));
        return entry is null ? null : Encoding.UTF8.GetString(entry.Value.Span);
    }

    private static string Manifest(string name, string events) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: {name}
        spec:
          calendar:
        {events}
        """;

    private static string EventTime(ReadOnlyMemory<byte> data)
    {
        using var document = JsonDocument.Parse(data);
        return document.RootElement.GetProperty("eventTime").GetString()!;
    }

    /// <summary>The scheduled instant a payload's eventTime names (Go's layout, any zone).</summary>
    private static DateTimeOffset Tick(ReadOnlyMemory<byte> data)
    {
        var text = EventTime(data);
        var parts = text.Split(' ');
        var offset = parts[2];
        var sign = offset[0] == '-' ? -1 : 1;
        var span = new TimeSpan(int.Parse(offset[1..3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(offset[3..5], System.Globalization.CultureInfo.InvariantCulture), 0) * sign;
        var wall = DateTime.ParseExact(parts[0] + " " + parts[1], "yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(wall, span).ToUniversalTime();
    }
}
