using System.Text;
using ArgoEvents.Testing.RabbitMq;
using RabbitMQ.Client;

namespace ArgoEvents.Bench.Queues;

/// <summary>
/// amqp → bus: a durable queue bound to a durable direct exchange is filled with persistent messages (each with a
/// message id) under publisher confirms, then the source starts with that <c>queueDeclare</c> and consumes the
/// backlog; with <c>autoAck: false</c> each delivery is acknowledged once the bus stored its event.
/// </summary>
public sealed class AmqpRun(RabbitMqServerProcess rabbit, QueueDrain drain)
{
    private const string Exchange = "bench-x";
    private const string RoutingKey = "orders";
    private const int ConfirmWindow = 1000;

    public async Task<QueueDrainResult> RunAsync(string round, int count, bool autoAck)
    {
        var queue = $"bench-q-{round}";
        var factory = new ConnectionFactory { Uri = new Uri(rabbit.AmqpUrl), AutomaticRecoveryEnabled = false };
        await using var connection = await factory.CreateConnectionAsync();
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Direct, durable: true, autoDelete: false);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(queue, Exchange, RoutingKey);
            await PreloadAsync(channel, round, count);
            var ready = await channel.MessageCountAsync(queue);
            if (ready != (uint)count)
            {
                throw new InvalidOperationException($"queue {queue} holds {ready} messages after preloading {count}");
            }
        }

        var brokerPids = ProcessCpu.PidsMatching(rabbit.WorkingDirectory);
        return await drain.RunAsync($"amqp {round} (autoAck {autoAck.ToString().ToLowerInvariant()})", $"bench-amqp-{round}", Manifest(round, queue, autoAck), count, brokerPids, () => SettledAsync(queue));
    }

    private static async Task PreloadAsync(IChannel channel, string round, int count)
    {
        var confirms = new List<Task>(ConfirmWindow);
        for (var i = 0; i < count; i++)
        {
            var properties = new BasicProperties
            {
                MessageId = $"{round}-{i}",
                ContentType = "application/json",
                DeliveryMode = DeliveryModes.Persistent,
            };
            var body = Encoding.UTF8.GetBytes($$"""{"id":"order-{{i}}","kind":"order","total":123.45}""");
            confirms.Add(channel.BasicPublishAsync(Exchange, RoutingKey, mandatory: false, properties, body).AsTask());
            if (confirms.Count == ConfirmWindow)
            {
                await Task.WhenAll(confirms);
                confirms.Clear();
            }
        }

        await Task.WhenAll(confirms);
    }

    // Nothing ready and nothing unacknowledged: every delivery was settled after its event was stored.
    private async Task SettledAsync(string queue)
    {
        while (await rabbit.QueueDepthAsync(queue) is not (0, 0))
        {
            await Task.Delay(100);
        }
    }

    private string Manifest(string round, string queue, bool autoAck) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: bench-amqp-{round}
        spec:
          amqp:
            orders:
              url: {rabbit.AmqpUrl}
              exchangeName: {Exchange}
              exchangeType: direct
              routingKey: {RoutingKey}
              queueDeclare:
                name: {queue}
                durable: true
                exclusive: false
                autoDelete: false
              consume:
                autoAck: {autoAck.ToString().ToLowerInvariant()}
        """;
}
