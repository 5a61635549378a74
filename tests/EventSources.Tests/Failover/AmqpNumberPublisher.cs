using System.Text;
using RabbitMQ.Client;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Publishes numbered persistent messages (body <c>{"n": i}</c>, message id <c>n-i</c>) to an exchange with publisher
/// confirms: a batch is sent at once and each publication waits for the broker's confirm. The message id is what lets
/// the source give a redelivered message the same event id, so the bus stores it once.
/// </summary>
public sealed class AmqpNumberPublisher : INumberedPublisher
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _exchange;
    private readonly string _routingKey;

    private AmqpNumberPublisher(IConnection connection, IChannel channel, string exchange, string routingKey)
    {
        _connection = connection;
        _channel = channel;
        _exchange = exchange;
        _routingKey = routingKey;
    }

    /// <summary>Connects as guest to <paramref name="url"/>.</summary>
    public static async Task<AmqpNumberPublisher> ConnectAsync(string url, string exchange, string routingKey)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url), UserName = "guest", Password = "guest", AutomaticRecoveryEnabled = false };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new AmqpNumberPublisher(connection, channel, exchange, routingKey);
    }

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<int> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var confirmed = new List<Task>(numbers.Count);
        foreach (var n in numbers)
        {
            var properties = new BasicProperties
            {
                MessageId = $"n-{n}",
                ContentType = "application/json",
                DeliveryMode = DeliveryModes.Persistent,
            };

            // mandatory: a message the exchange cannot route is returned and fails here instead of vanishing.
            confirmed.Add(_channel.BasicPublishAsync(_exchange, _routingKey, mandatory: true, properties, Encoding.UTF8.GetBytes($$"""{"n":{{n}}}"""), cancellationToken).AsTask());
        }

        await Task.WhenAll(confirmed);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        _connection.Dispose();
    }
}
