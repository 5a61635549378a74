namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AMQPEventSource</c>: messages from a RabbitMQ (AMQP 0-9-1) exchange.</summary>
public sealed record AmqpEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Amqp;

    /// <summary><c>url</c>: the broker URL (or use <c>urlSecret</c>).</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>exchangeName</c>: the exchange to bind to.</summary>
    [ManifestField("exchangeName")]
    public string? ExchangeName { get; init; }

    /// <summary><c>exchangeType</c>: the exchange type (direct, fanout, topic, headers).</summary>
    [ManifestField("exchangeType")]
    public string? ExchangeType { get; init; }

    /// <summary><c>routingKey</c>: the binding key.</summary>
    [ManifestField("routingKey")]
    public string? RoutingKey { get; init; }

    /// <summary><c>connectionBackoff</c>: retries of the connection.</summary>
    [ManifestField("connectionBackoff")]
    public Backoff? ConnectionBackoff { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>exchangeDeclare</c>: how the exchange is declared (default durable).</summary>
    [ManifestField("exchangeDeclare")]
    public AmqpExchangeDeclareConfig? ExchangeDeclare { get; init; }

    /// <summary><c>queueDeclare</c>: how the queue is declared (default a server-named exclusive queue).</summary>
    [ManifestField("queueDeclare")]
    public AmqpQueueDeclareConfig? QueueDeclare { get; init; }

    /// <summary><c>queueBind</c>: how the queue is bound.</summary>
    [ManifestField("queueBind")]
    public AmqpQueueBindConfig? QueueBind { get; init; }

    /// <summary><c>consume</c>: how messages are consumed (default auto-ack).</summary>
    [ManifestField("consume")]
    public AmqpConsumeConfig? Consume { get; init; }

    /// <summary><c>auth</c>: username and password.</summary>
    [ManifestField("auth")]
    public BasicAuth? Auth { get; init; }

    /// <summary><c>urlSecret</c>: the broker URL, held in a Secret.</summary>
    [ManifestField("urlSecret")]
    public SecretKeySelector? UrlSecret { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
