using System.Text;
using ArgoEvents.EventSources.Protocols.Mqtt;
using ArgoEvents.Testing.Mqtt;

namespace ArgoEvents.Bench.Queues;

/// <summary>
/// mqtt QoS 1 → bus: a client connects once with the source's <c>clientId</c> and a persistent session, subscribes
/// at QoS 1 and disconnects; another client publishes the messages at QoS 1, which mosquitto queues for that session
/// (<c>max_queued_messages</c> is raised to hold them). Then the source starts with <c>qos: 1</c>, resumes the session
/// and receives the backlog, at most <c>max_inflight_messages</c> unacknowledged at a time, acknowledging each once the
/// bus stored its event.
/// </summary>
public sealed class MqttRun(MosquittoProcess mosquitto, QueueDrain drain)
{
    private const string Topic = "bench/orders";
    private const int PublishWindow = 1000;

    public async Task<QueueDrainResult> RunAsync(string round, int count)
    {
        var clientId = $"bench-mqtt-{round}";
        await using (var session = await MqttConnection.ConnectAsync(new MqttOptions { Url = mosquitto.Url, ClientId = clientId, CleanSession = false }))
        {
            await session.SubscribeAsync(Topic, MqttQualityOfService.AtLeastOnce);
        }

        await PreloadAsync(round, count);
        var inflight = mosquitto.Options.MaxInflightMessages?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "20 (default)";
        var outcome = await drain.RunAsync(
            $"mqtt QoS 1 {round} (max_inflight_messages {inflight})", clientId, Manifest(clientId), count, [mosquitto.Pid],
            () => Task.Delay(TimeSpan.FromSeconds(1)));
        await NothingRedeliveredAsync(clientId);
        return outcome;
    }

    private async Task PreloadAsync(string round, int count)
    {
        await using var publisher = await MqttConnection.ConnectAsync(new MqttOptions { Url = mosquitto.Url, ClientId = $"bench-publisher-{round}" });
        var acknowledged = new List<Task>(PublishWindow);
        for (var i = 0; i < count; i++)
        {
            var body = Encoding.UTF8.GetBytes($$"""{"id":"order-{{i}}","kind":"order","total":123.45}""");
            acknowledged.Add(publisher.PublishAsync(Topic, body, MqttQualityOfService.AtLeastOnce));
            if (acknowledged.Count == PublishWindow)
            {
                await Task.WhenAll(acknowledged);
                acknowledged.Clear();
            }
        }

        await Task.WhenAll(acknowledged);
    }

    // The service has stopped: resuming its session must bring nothing back (every message was acknowledged).
    private async Task NothingRedeliveredAsync(string clientId)
    {
        await using var session = await MqttConnection.ConnectAsync(new MqttOptions { Url = mosquitto.Url, ClientId = clientId, CleanSession = false });
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var redelivered = 0;
        try
        {
            await foreach (var message in session.ReadAllAsync(quiet.Token))
            {
                redelivered++;
            }
        }
        catch (OperationCanceledException)
        {
        }

        if (redelivered > 0)
        {
            throw new InvalidOperationException($"{redelivered} messages of session {clientId} were redelivered after the drain: they were not acknowledged");
        }
    }

    private string Manifest(string clientId) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: {clientId}
        spec:
          mqtt:
            orders:
              url: {mosquitto.Url}
              topic: {Topic}
              clientId: {clientId}
              qos: 1
              jsonBody: true
        """;
}
