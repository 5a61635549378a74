using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.Sensors.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Services;
using Xunit;

namespace ArgoEvents.Sensors.Tests.EndToEnd;

/// <summary>
/// The whole path as separate processes on a 3-node JetStream cluster (R3 stream and buckets): a webhook EventSource
/// replica, two Sensor replicas (active-passive) with two dependencies and an http trigger to an in-test receiver.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SensorFailoverTests(NatsClusterFixture bus)
{
    private const int HookPort = 12000;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task LeaderKilledBetweenTheTwoEvents_TriggerFiresExactlyOnceAfterTheSecond()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var eventSource = $"hooks-{id}";
        var sensorName = $"pair-{id}";
        await using var receiver = await HttpReceiver.StartAsync();
        await using var hooks = await ServiceProcessReplicas.StartEventSourcesAsync("hooks", WebhookManifest(eventSource), bus.ClientUrls, 1, [HookPort]);
        await using var sensors = await ServiceProcessReplicas.StartSensorsAsync("sensor", SensorManifest(sensorName, eventSource, receiver.Url), bus.ClientUrls, 2);
        var hook = hooks.Replicas[0];

        var leader = await LeaderAsync(sensors);
        await PostAsync(hook.WebhookUrl(HookPort) + "/one", """{"v":"first"}""");
        await using var client = await EventBusClient.ConnectAsync(string.Join(",", bus.ClientUrls));
        await WaitForSavedAsync(client, sensorName, "call/d1", sensors);

        leader.Kill();
        var killedAt = Stopwatch.GetTimestamp();
        await PostAsync(hook.WebhookUrl(HookPort) + "/two", """{"v":"second"}""");

        var body = await receiver.NextAsync(TimeSpan.FromSeconds(20), sensors.Describe());
        var firedAfter = Stopwatch.GetElapsedTime(killedAt);
        using var payload = JsonDocument.Parse(body);
        Assert.Equal("first", payload.RootElement.GetProperty("d1").GetString());
        Assert.Equal("second", payload.RootElement.GetProperty("d2").GetString());
        await receiver.AssertNoneAsync(TimeSpan.FromSeconds(3), "the condition was met once");
        Assert.Equal(1, receiver.Requests);
        Assert.True(firedAfter < TimeSpan.FromSeconds(10), $"the standby fired {firedAfter.TotalSeconds:F2} s after the kill");
        TestContext.Current.TestOutputHelper?.WriteLine($"fired {firedAfter.TotalSeconds:F2} s after SIGKILL of {leader.Name}");
    }

    private static string WebhookManifest(string name) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: {{name}}
        spec:
          webhook:
            one:
              port: "{{HookPort}}"
              endpoint: /one
              method: POST
            two:
              port: "{{HookPort}}"
              endpoint: /two
              method: POST
        """;

    private static string SensorManifest(string name, string eventSource, string receiverUrl) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata:
          name: {{name}}
        spec:
          replicas: 2
          dependencies:
            - name: d1
              eventSourceName: {{eventSource}}
              eventName: one
            - name: d2
              eventSourceName: {{eventSource}}
              eventName: two
          triggers:
            - template:
                name: call
                conditions: "d1 && d2"
                http:
                  url: {{receiverUrl}}/fired
                  payload:
                    - src: {dependencyName: d1, dataKey: body.v}
                      dest: d1
                    - src: {dependencyName: d2, dataKey: body.v}
                      dest: d2
              atLeastOnce: true
        """;

    private static async Task PostAsync(string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(url, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<ServiceProcess> LeaderAsync(ServiceProcessReplicas sensors)
    {
        for (var i = 0; i < 600; i++)
        {
            if (sensors.Running.FirstOrDefault(r => r.Log.Snapshot().Any(l => l.Contains("consuming with", StringComparison.Ordinal))) is { } leader)
            {
                return leader;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"no sensor replica started consuming:{Environment.NewLine}{sensors.Describe()}");
    }

    private static async Task WaitForSavedAsync(EventBusClient client, string bucket, string key, ServiceProcessReplicas sensors)
    {
        for (var i = 0; i < 400; i++)
        {
            try
            {
                var store = await client.KeyValue.GetStoreAsync(bucket);
                if (await store.GetConsistentAsync(key) is not null)
                {
                    return;
                }
            }
            catch (ArgoEvents.EventBus.KeyValue.KeyValueBucketNotFoundException)
            {
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"the leader never saved {key}:{Environment.NewLine}{sensors.Describe()}");
    }
}
