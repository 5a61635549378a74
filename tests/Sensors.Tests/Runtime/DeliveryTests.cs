using System.Text.Json;
using ArgoEvents.Sensors.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Runtime;

/// <summary>
/// Delivery semantics of a trigger against a real bus and an in-test HTTP target: <c>atLeastOnce</c> (ack only after the
/// action succeeded; a failed firing is redelivered), <c>retryStrategy</c>, the DLQ trigger, and Argo's default
/// at-most-once.
/// </summary>
public sealed class DeliveryTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task AtLeastOnce_TargetFailingTwiceThenSucceeding_ReceivesTheEvent()
    {
        var names = TestNames.Create();
        await using var target = await HttpReceiver.StartAsync(failFirst: 2);
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, HttpSensor(names, target.Url, atLeastOnce: true));

        await sensor.PublishAsync(names.EventSource, "one", """{"v":"precious"}""");
        var body = await target.NextAsync(TimeSpan.FromSeconds(15), sensor.Diagnostics());
        Assert.Equal("precious", JsonDocument.Parse(body).RootElement.GetProperty("v").GetString());
        Assert.Equal([500, 500, 200], target.Statuses);
    }

    [Fact]
    public async Task AtLeastOnce_WhileTheTargetFails_NoEventIsLost()
    {
        var names = TestNames.Create();
        await using var target = await HttpReceiver.StartAsync(failFirst: 4);
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, HttpSensor(names, target.Url, atLeastOnce: true));

        for (var i = 0; i < 5; i++)
        {
            await sensor.PublishAsync(names.EventSource, "one", $$"""{"v":"e{{i}}"}""");
        }

        var received = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            var body = await target.NextAsync(TimeSpan.FromSeconds(30), sensor.Diagnostics());
            received.Add(JsonDocument.Parse(body).RootElement.GetProperty("v").GetString()!);
        }

        Assert.Equal(["e0", "e1", "e2", "e3", "e4"], received.Order());
    }

    [Fact]
    public async Task RetryStrategy_RetriesWithinOneDelivery()
    {
        var names = TestNames.Create();
        await using var target = await HttpReceiver.StartAsync(failFirst: 2);
        var retry = "      retryStrategy:\n        steps: 3\n        duration: 50ms\n        factor: 2\n";
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, HttpSensor(names, target.Url, atLeastOnce: true, extra: retry));

        await sensor.PublishAsync(names.EventSource, "one", """{"v":"x"}""");
        await target.NextAsync(TimeSpan.FromSeconds(5), sensor.Diagnostics());
        Assert.Equal(3, target.Requests);
    }

    [Fact]
    public async Task AtMostOnce_ByDefault_AFailedFiringIsNotRedelivered()
    {
        var names = TestNames.Create();
        await using var target = await HttpReceiver.StartAsync(failFirst: 1);
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, HttpSensor(names, target.Url, atLeastOnce: false));

        await sensor.PublishAsync(names.EventSource, "one", """{"v":"lost"}""");
        await target.AssertNoneAsync(TimeSpan.FromSeconds(2), "Argo's default acks before the action; the failed firing is not retried");
        await sensor.PublishAsync(names.EventSource, "one", """{"v":"next"}""");
        Assert.Contains("next", await target.NextAsync(TimeSpan.FromSeconds(5), sensor.Diagnostics()), StringComparison.Ordinal);
        Assert.Equal(2, target.Requests);
    }

    [Fact]
    public async Task DlqTrigger_GetsTheEvents_WhenEveryAttemptFailed()
    {
        var names = TestNames.Create();
        await using var target = await HttpReceiver.StartAsync(failFirst: int.MaxValue);
        await using var dlq = await FiredMessages.SubscribeAsync(nats.ClientUrl, names.Subject);
        var dlqTrigger = $$"""
                  dlqTrigger:
                    atLeastOnce: true
                    template:
                      name: to-dlq
                      nats:
                        url: {{nats.ClientUrl}}
                        subject: {{names.Subject}}
                        payload:
                          - src: {dependencyName: d1, dataKey: body.v}
                            dest: failed
            """;
        await using var sensor = await SensorHarness.StartAsync(nats.ClientUrl, HttpSensor(names, target.Url, atLeastOnce: true, extra: dlqTrigger));

        await sensor.PublishAsync(names.EventSource, "one", """{"v":"undeliverable"}""");
        var parked = await dlq.NextAsync(TimeSpan.FromSeconds(10), sensor.Diagnostics());
        Assert.Equal("""{"failed":"undeliverable"}""", parked.GetRawText());
        await dlq.AssertNoneAsync(TimeSpan.FromSeconds(1), "the DLQ trigger took the events, so the message was acknowledged");
        Assert.Equal(1, target.Requests);
    }

    private static string HttpSensor(TestNames names, string url, bool atLeastOnce, string extra = "") => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata:
          name: {{names.Sensor}}
        spec:
          dependencies:
            - name: d1
              eventSourceName: {{names.EventSource}}
              eventName: one
          triggers:
            - template:
                name: call
                http:
                  url: {{url}}/fired
                  method: POST
                  payload:
                    - src: {dependencyName: d1, dataKey: body.v}
                      dest: v
              atLeastOnce: {{(atLeastOnce ? "true" : "false")}}
              policy:
                status:
                  allow: [200]
        {{extra}}
        """;
}
