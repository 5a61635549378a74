using ArgoEvents.Sensors.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Runtime;

/// <summary>
/// The opt-in active-active mode on a real nats-server: replicas share the durable consumers of memoryless triggers,
/// and a trigger with <c>&amp;&amp;</c> runs where its own lease is held.
/// </summary>
public sealed class ActiveActiveTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task MemorylessTrigger_BothReplicasConsume_EachEventFiresExactlyOnce()
    {
        var names = TestNames.Create();
        var yaml = Sensor(names, "d1 || d2");
        await using var fired = await FiredMessages.SubscribeAsync(nats.ClientUrl, names.Subject);
        await using var a = await SensorHarness.StartAsync(nats.ClientUrl, yaml, activeActiveIdentity: "replica-a");
        await using var b = await SensorHarness.StartAsync(nats.ClientUrl, yaml, activeActiveIdentity: "replica-b");
        await WaitStartedAsync(a, "fire");
        await WaitStartedAsync(b, "fire");

        const int Events = 300;
        for (var i = 0; i < Events; i++)
        {
            await a.PublishAsync(names.EventSource, i % 2 == 0 ? "one" : "two", $$"""{"v":{{i}}}""");
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < Events; i++)
        {
            var payload = await fired.NextAsync(TimeSpan.FromSeconds(10), a.Diagnostics() + b.Diagnostics());
            var value = payload.TryGetProperty("d1", out var d1) ? d1.GetInt32() : payload.GetProperty("d2").GetInt32();
            Assert.True(seen.Add(value), $"event {value} fired twice");
        }

        await fired.AssertNoneAsync(TimeSpan.FromMilliseconds(500), "every event fired once already");
        Assert.Equal(Events, seen.Count);
    }

    [Fact]
    public async Task AndTrigger_RunsOnTheLeaseHolder_AndTheOtherReplicaResumesItsState()
    {
        var names = TestNames.Create();
        var yaml = Sensor(names, "d1 && d2");
        await using var fired = await FiredMessages.SubscribeAsync(nats.ClientUrl, names.Subject);
        await using var a = await SensorHarness.StartAsync(nats.ClientUrl, yaml, activeActiveIdentity: "replica-a");
        await using var b = await SensorHarness.StartAsync(nats.ClientUrl, yaml, activeActiveIdentity: "replica-b");
        var (holder, standby) = await HolderAsync(a, b, "fire");

        await holder.PublishAsync(names.EventSource, "one", """{"v":1}""");
        await WaitUntilAsync(() => holder.Engine.Workers["fire"].PartialState.ContainsKey("d1"), holder.Diagnostics());
        Assert.False(standby.Engine.Workers.ContainsKey("fire"), "only the lease holder runs the trigger");

        await holder.StopAsync();
        await WaitStartedAsync(standby, "fire");
        await standby.PublishAsync(names.EventSource, "two", """{"v":2}""");
        var payload = await fired.NextAsync(TimeSpan.FromSeconds(10), standby.Diagnostics());
        Assert.Equal("""{"d1":1,"d2":2}""", payload.GetRawText());
        await fired.AssertNoneAsync(TimeSpan.FromMilliseconds(500), "the condition was met once");
    }

    private string Sensor(TestNames names, string conditions) => $$"""
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
          triggers:
            - template:
                name: fire
                conditions: "{{conditions}}"
                nats:
                  url: {{nats.ClientUrl}}
                  subject: {{names.Subject}}
                  payload:
                    - src: {dependencyName: d1, dataKey: body.v, useRawData: true}
                      dest: d1
                    - src: {dependencyName: d2, dataKey: body.v, useRawData: true}
                      dest: d2
        """;

    private static async Task<(SensorHarness Holder, SensorHarness Standby)> HolderAsync(SensorHarness a, SensorHarness b, string trigger)
    {
        for (var i = 0; i < 400; i++)
        {
            if (a.Engine.Workers.TryGetValue(trigger, out var wa) && wa.Started.IsCompletedSuccessfully)
            {
                return (a, b);
            }

            if (b.Engine.Workers.TryGetValue(trigger, out var wb) && wb.Started.IsCompletedSuccessfully)
            {
                return (b, a);
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"no replica took the lease of trigger {trigger}:{Environment.NewLine}{a.Diagnostics()}{Environment.NewLine}{b.Diagnostics()}");
    }

    private static Task WaitStartedAsync(SensorHarness harness, string trigger) =>
        WaitUntilAsync(() => harness.Engine.Workers.TryGetValue(trigger, out var w) && w.Started.IsCompletedSuccessfully, harness.Diagnostics());

    private static async Task WaitUntilAsync(Func<bool> condition, string diagnostics)
    {
        for (var i = 0; i < 400; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"condition not met in 10 s:{Environment.NewLine}{diagnostics}");
    }
}
