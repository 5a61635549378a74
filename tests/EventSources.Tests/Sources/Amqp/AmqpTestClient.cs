using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ArgoEvents.EventSources.Tests.Sources.Amqp;

/// <summary>A publisher on the real broker, as an upstream application would be.</summary>
internal sealed class AmqpTestClient : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private AmqpTestClient(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<AmqpTestClient> ConnectAsync(string url, string user = "guest", string password = "guest")
    {
        var factory = new ConnectionFactory { Uri = new Uri(url), UserName = user, Password = password, AutomaticRecoveryEnabled = false };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                var connection = await factory.CreateConnectionAsync();
                var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
                return new AmqpTestClient(connection, channel);
            }
            catch (BrokerUnreachableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Publishes and waits for the broker's confirm.</summary>
    public async Task PublishAsync(string exchange, string routingKey, string body, BasicProperties? properties = null)
        => await _channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties ?? new BasicProperties(), Encoding.UTF8.GetBytes(body));

    /// <summary>Waits until <paramref name="queue"/> exists (an exclusive queue of another connection counts).</summary>
    public async Task WaitForQueueAsync(string queue, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var probe = await _connection.CreateChannelAsync();
            try
            {
                await probe.QueueDeclarePassiveAsync(queue);
                return;
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 405)
            {
                return;
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            finally
            {
                await probe.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        _connection.Dispose();
    }
}
