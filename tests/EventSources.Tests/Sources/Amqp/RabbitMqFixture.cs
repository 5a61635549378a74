using ArgoEvents.Testing.RabbitMq;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Amqp;

/// <summary>xunit class fixture: one real rabbitmq-server node shared by the tests of a class (a boot takes seconds).</summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    private RabbitMqServerProcess? _broker;

    public RabbitMqServerProcess Broker => _broker ?? throw new InvalidOperationException("The broker is not started yet.");

    public async ValueTask InitializeAsync()
    {
        _broker = new RabbitMqServerProcess();
        await _broker.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}
