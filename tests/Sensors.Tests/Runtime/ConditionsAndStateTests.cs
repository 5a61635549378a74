using System.Text;
using System.Text.Json;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.Sensors.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Runtime;

/// <summary>
/// Conditions, partial state and its KV layout, end to end on a real nats-server: events published on the bus as an
/// EventSource publishes them, a sensor running its nats trigger, and a real subscription seeing what fired.
/// </summary>
public sealed class ConditionsAndStateTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    private static readonly TimeSpan Fires = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task ConditionSequence_D1Nothing_D2Fires_D2Nothing_D3Fires()
    {
        var names = TestNames.Create();
        await using var fired = await FiredMessages.SubscribeAsync(nats.ClientUrl, names.Subject);
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, ThreeDependencySensor(names, "(d1 && d2) || d3"));

        await sensor.PublishAsync(names.EventSource, "one", """{"v":"a"}""");
        await fired.AssertNoneAsync(Quiet, "d1 alone does not satisfy (d1 && d2) || d3");

        await sensor.PublishAsync(names.EventSource, "two", """{"v":"b"}""");
        var first = await fired.NextAsync(Fires, sensor.Diagnostics());
        Assert.Equal("""{"d1":"a","d2":"b"}""", first.GetRawText());

        await sensor.PublishAsync(names.EventSource, "two", """{"v":"c"}""");
        await fired.AssertNoneAsync(Quiet, "the firing cleared d1, so d2 again waits");

        await sensor.PublishAsync(names.EventSource, "three", """{"v":"d"}""");
        var second = await fired.NextAsync(Fires, sensor.Diagnostics());
        Assert.Equal("""{"d2":"c","d3":"d"}""", second.GetRawText());
    }

    [Fact]
    public async Task PartialState_SurvivesASensorRestart()
    {
        var names = TestNames.Create();
        await using var fired = await FiredMessages.SubscribeAsync(nats.ClientUrl, names.Subject);
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, ThreeDependencySensor(names, "d1 && d2"));

        await sensor.PublishAsync(names.EventSource, "one", """{"v":"kept"}""");
        await WaitForKeyAsync(sensor, names.Sensor, "fire/d1");
        await sensor.StopAsync();

        await sensor.StartAgainAsync();
        await sensor.PublishAsync(names.EventSource, "two", """{"v":"after-restart"}""");
        var payload = await fired.NextAsync(Fires, sensor.Diagnostics());
        Assert.Equal("""{"d1":"kept","d2":"after-restart"}""", payload.GetRawText());
        Assert.Null(await (await sensor.Bus.KeyValue.GetStoreAsync(names.Sensor)).GetConsistentAsync("fire/d1"));
    }

    [Fact]
    public async Task PartialState_IsStoredWithArgosKeyLayout()
    {
        var names = TestNames.Create();
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, ThreeDependencySensor(names, "d1 && d2"));
        await sensor.PublishAsync(names.EventSource, "one", """{"v":"a"}""", id: "event-1");
        var entry = await WaitForKeyAsync(sensor, names.Sensor, "fire/d1");

        using var record = JsonDocument.Parse(entry.Value);
        var root = record.RootElement;
        Assert.Equal(["StreamSeq", "ConsumerSeq", "Timestamp", "Event"], root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("StreamSeq").GetUInt64() > 0);
        Assert.Equal(1UL, root.GetProperty("ConsumerSeq").GetUInt64());
        Assert.Equal("event-1", root.GetProperty("Event").GetProperty("id").GetString());
        Assert.Equal("a", root.GetProperty("Event").GetProperty("data").GetProperty("body").GetProperty("v").GetString());

        var store = await sensor.Bus.KeyValue.GetStoreAsync(names.Sensor);
        Assert.Equal("""["fire"]""", Text(await store.GetConsistentAsync("Triggers")));
        Assert.Equal("d1 && d2", Text(await store.GetConsistentAsync("fire/Expression")));
        using var deps = JsonDocument.Parse((await store.GetConsistentAsync("Deps"))!.Value);
        Assert.Equal(["d1", "d2", "d3"], deps.RootElement.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task LatestEventPerDependency_Wins()
    {
        var names = TestNames.Create();
        await using var fired = await FiredMessages.SubscribeAsync(nats.ClientUrl, names.Subject);
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, ThreeDependencySensor(names, "d1 && d2"));

        await sensor.PublishAsync(names.EventSource, "one", """{"v":"older"}""");
        await sensor.PublishAsync(names.EventSource, "one", """{"v":"newer"}""");
        await fired.AssertNoneAsync(Quiet, "d2 has not arrived");
        await sensor.PublishAsync(names.EventSource, "two", """{"v":"b"}""");
        Assert.Equal("""{"d1":"newer","d2":"b"}""", (await fired.NextAsync(Fires, sensor.Diagnostics())).GetRawText());
    }

    [Fact]
    public async Task ConditionNames_TreatDashAndUnderscoreAlike()
    {
        var names = TestNames.Create();
        var yaml = $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: Sensor
            metadata:
              name: {{names.Sensor}}
            spec:
              dependencies:
                - name: dep_1
                  eventSourceName: {{names.EventSource}}
                  eventName: one
                - name: dep-2
                  eventSourceName: {{names.EventSource}}
                  eventName: two
              triggers:
                - template:
                    name: fire
                    conditions: "dep-1 && dep_2"
                    nats:
                      url: {{nats.ClientUrl}}
                      subject: {{names.Subject}}
                      payload:
                        - src: {dependencyName: dep_1, dataKey: body.v}
                          dest: one
                        - src: {dependencyName: dep-2, dataKey: body.v}
                          dest: two
            """;
        await using var fired = await FiredMessages.SubscribeAsync(nats.ClientUrl, names.Subject);
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, yaml);
        await sensor.PublishAsync(names.EventSource, "one", """{"v":1}""");
        await sensor.PublishAsync(names.EventSource, "two", """{"v":2}""");
        Assert.Equal("""{"one":"1","two":"2"}""", (await fired.NextAsync(Fires, sensor.Diagnostics())).GetRawText());
    }

    [Fact]
    public async Task TriggerWithoutAnd_FiresForEveryPassingEvent_AndFiltersDrop()
    {
        var names = TestNames.Create();
        var yaml = $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: Sensor
            metadata:
              name: {{names.Sensor}}
            spec:
              dependencies:
                - name: d1
                  eventSourceName: {{names.EventSource}}
                  eventName: one
                  filters:
                    data:
                      - path: body.v
                        type: number
                        comparator: ">"
                        value: ["10"]
                - name: d2
                  eventSourceName: {{names.EventSource}}
                  eventName: two
              triggers:
                - template:
                    name: fire
                    conditions: "d1 || d2"
                    nats:
                      url: {{nats.ClientUrl}}
                      subject: {{names.Subject}}
                      payload:
                        - src: {dependencyName: d1, dataKey: body.v, useRawData: true}
                          dest: d1
                        - src: {dependencyName: d2, dataKey: body.v, useRawData: true}
                          dest: d2
            """;
        await using var fired = await FiredMessages.SubscribeAsync(nats.ClientUrl, names.Subject);
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, yaml);
        await sensor.PublishAsync(names.EventSource, "one", """{"v":5}""");
        await fired.AssertNoneAsync(Quiet, "5 is not > 10");
        await sensor.PublishAsync(names.EventSource, "one", """{"v":11}""");
        Assert.Equal("""{"d1":11}""", (await fired.NextAsync(Fires, sensor.Diagnostics())).GetRawText());
        await sensor.PublishAsync(names.EventSource, "two", """{"v":2}""");
        Assert.Equal("""{"d2":2}""", (await fired.NextAsync(Fires, sensor.Diagnostics())).GetRawText());
        Assert.Empty(sensor.Engine.Workers["fire"].PartialState);
    }

    [Fact]
    public async Task ChangedConditions_PurgeTheStoredPartialState()
    {
        var names = TestNames.Create();
        await using var fired = await FiredMessages.SubscribeAsync(nats.ClientUrl, names.Subject);
        await using (var before = await SensorHarness.StartAsync(nats.ClientUrl, ThreeDependencySensor(names, "d1 && d2")))
        {
            await before.PublishAsync(names.EventSource, "one", """{"v":"stale"}""");
            await WaitForKeyAsync(before, names.Sensor, "fire/d1");
        }

        await using var after = await SensorHarness.StartAsync(nats.ClientUrl, ThreeDependencySensor(names, "d2 && d1"));
        Assert.Null(await (await after.Bus.KeyValue.GetStoreAsync(names.Sensor)).GetConsistentAsync("fire/d1"));
        await after.PublishAsync(names.EventSource, "two", """{"v":"b"}""");
        await fired.AssertNoneAsync(Quiet, "d1's event belonged to the old conditions and was purged");
        await after.PublishAsync(names.EventSource, "one", """{"v":"fresh"}""");
        Assert.Equal("""{"d1":"fresh","d2":"b"}""", (await fired.NextAsync(Fires, after.Diagnostics())).GetRawText());
    }

    [Fact]
    public async Task ConditionsResetByTime_DropsStateSavedBeforeTheLastTick_AtStart()
    {
        var names = TestNames.Create();
        var yaml = ThreeDependencySensor(names, "d1 && d2", reset: "* * * * *");
        await using var fired = await FiredMessages.SubscribeAsync(nats.ClientUrl, names.Subject);
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, yaml);
        await sensor.PublishAsync(names.EventSource, "one", """{"v":"a"}""");
        await WaitForKeyAsync(sensor, names.Sensor, "fire/d1");
        await sensor.StopAsync();

        // Two minutes later on the sensor's clock, a minutely reset has ticked since d1 was saved.
        sensor.Time = new ShiftedTime(TimeSpan.FromMinutes(2));
        await sensor.StartAgainAsync();
        Assert.Null(await (await sensor.Bus.KeyValue.GetStoreAsync(names.Sensor)).GetConsistentAsync("fire/d1"));
        await sensor.PublishAsync(names.EventSource, "two", """{"v":"b"}""");
        await fired.AssertNoneAsync(Quiet, "d1 was reset");
    }

    private string ThreeDependencySensor(TestNames names, string conditions, string? reset = null) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata:
          name: {{names.Sensor}}
        spec:
          dependencies:
            - name: d1
              eventSourceName: {{names.EventSource}}
              eventName: one
            - name: d2
              eventSourceName: {{names.EventSource}}
              eventName: two
            - name: d3
              eventSourceName: {{names.EventSource}}
              eventName: three
          triggers:
            - template:
                name: fire
                conditions: "{{conditions}}"
        {{(reset is null ? string.Empty : $"        conditionsReset:\n          - byTime:\n              cron: \"{reset}\"\n")}}        nats:
                  url: {{nats.ClientUrl}}
                  subject: {{names.Subject}}
                  payload:
                    - src: {dependencyName: d1, dataKey: body.v}
                      dest: d1
                    - src: {dependencyName: d2, dataKey: body.v}
                      dest: d2
                    - src: {dependencyName: d3, dataKey: body.v}
                      dest: d3
        """;

    private static async Task<KeyValueEntry> WaitForKeyAsync(SensorHarness sensor, string bucket, string key)
    {
        var store = await sensor.Bus.KeyValue.GetStoreAsync(bucket);
        for (var i = 0; i < 200; i++)
        {
            if (await store.GetConsistentAsync(key) is { } entry)
            {
                return entry;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"key {key} never appeared in bucket {bucket}:{Environment.NewLine}{sensor.Diagnostics()}");
    }

    private static string? Text(KeyValueEntry? entry) => entry is null ? null : Encoding.UTF8.GetString(entry.Value.Span);
}
