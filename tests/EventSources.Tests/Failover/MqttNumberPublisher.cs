using System.Text;
using ArgoEvents.EventSources.Protocols.Mqtt;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>Publishes numbered messages (body <c>{"n": i}</c>) at QoS 1 from its own client id; each waits for its PUBACK.</summary>
public sealed class MqttNumberPublisher : INumberedPublisher
{
    private readonly MqttConnection _connection;
    private readonly string _topic;

    private MqttNumberPublisher(MqttConnection connection, string topic)
    {
        _connection = connection;
        _topic = topic;
    }

    /// <summary>Connects to <paramref name="url"/> as <paramref name="clientId"/> with a clean session.</summary>
    public static async Task<MqttNumberPublisher> ConnectAsync(string url, string clientId, string topic) =>
        new(await MqttConnection.ConnectAsync(new MqttOptions { Url = url, ClientId = clientId, CleanSession = true }), topic);

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<int> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        await Task.WhenAll(numbers.Select(n => _connection.PublishAsync(_topic, Encoding.UTF8.GetBytes($$"""{"n":{{n}}}"""), MqttQualityOfService.AtLeastOnce, cancellationToken: cancellationToken)));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
