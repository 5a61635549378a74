using ArgoEvents.EventSources.Sources.Nats;
using RabbitMQ.Client;

namespace ArgoEvents.EventSources.Sources.Amqp;

/// <summary>What one amqp event runs with, resolved from its spec (Argo's defaults applied to absent sections).</summary>
internal sealed record AmqpSourceOptions
{
    /// <summary>The EventSource's name.</summary>
    public required string EventSourceName { get; init; }

    /// <summary>The event's name.</summary>
    public required string EventName { get; init; }

    /// <summary>Connection settings: endpoint, credentials, TLS, heartbeat; recovery is left to the source.</summary>
    public required ConnectionFactory Connection { get; init; }

    /// <summary>The broker address without credentials, for messages.</summary>
    public required string DisplayUrl { get; init; }

    /// <summary><c>exchangeName</c>.</summary>
    public required string ExchangeName { get; init; }

    /// <summary><c>exchangeType</c>.</summary>
    public required string ExchangeType { get; init; }

    /// <summary><c>routingKey</c>.</summary>
    public required string RoutingKey { get; init; }

    /// <summary><c>exchangeDeclare.durable</c> (default true).</summary>
    public bool ExchangeDurable { get; init; } = true;

    /// <summary><c>exchangeDeclare.autoDelete</c>.</summary>
    public bool ExchangeAutoDelete { get; init; }

    /// <summary><c>exchangeDeclare.noWait</c>.</summary>
    public bool ExchangeNoWait { get; init; }

    /// <summary><c>queueDeclare.name</c>; empty lets the broker name the queue.</summary>
    public string QueueName { get; init; } = string.Empty;

    /// <summary><c>queueDeclare.durable</c>.</summary>
    public bool QueueDurable { get; init; }

    /// <summary><c>queueDeclare.autoDelete</c>.</summary>
    public bool QueueAutoDelete { get; init; }

    /// <summary><c>queueDeclare.exclusive</c> (default true).</summary>
    public bool QueueExclusive { get; init; } = true;

    /// <summary><c>queueDeclare.noWait</c>.</summary>
    public bool QueueNoWait { get; init; }

    /// <summary><c>queueDeclare.arguments</c>, parsed.</summary>
    public IDictionary<string, object?>? QueueArguments { get; init; }

    /// <summary><c>queueBind.noWait</c>.</summary>
    public bool BindNoWait { get; init; }

    /// <summary><c>consume.consumerTag</c>; empty lets the broker name the consumer.</summary>
    public string ConsumerTag { get; init; } = string.Empty;

    /// <summary><c>consume.autoAck</c> (default true): false acks each delivery only once the bus stored its event.</summary>
    public bool AutoAck { get; init; } = true;

    /// <summary><c>consume.exclusive</c>.</summary>
    public bool ConsumeExclusive { get; init; }

    /// <summary><c>consume.noLocal</c>.</summary>
    public bool NoLocal { get; init; }

    /// <summary>Deliveries in flight with manual acknowledgement (basic.qos prefetch), bounding what a crash hands back.</summary>
    public ushort Prefetch { get; init; } = 256;

    /// <summary><c>jsonBody</c>.</summary>
    public bool JsonBody { get; init; }

    /// <summary><c>connectionBackoff</c>: retries of every (re)connection.</summary>
    public ConnectionBackoff Backoff { get; init; } = ConnectionBackoff.Default;

    /// <summary><c>metadata</c>, copied into every payload.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
