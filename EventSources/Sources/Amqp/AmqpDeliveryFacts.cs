using RabbitMQ.Client;

namespace ArgoEvents.EventSources.Sources.Amqp;

/// <summary>What Argo's event data keeps of one delivery besides its body.</summary>
internal sealed record AmqpDeliveryFacts
{
    /// <summary>The MIME content type.</summary>
    public string? ContentType { get; init; }

    /// <summary>The MIME content encoding.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>1 non-persistent, 2 persistent, 0 when absent.</summary>
    public int DeliveryMode { get; init; }

    /// <summary>0 to 9.</summary>
    public int Priority { get; init; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The reply address.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The per-message TTL text.</summary>
    public string? Expiration { get; init; }

    /// <summary>The publisher's message id; also the key of the event id.</summary>
    public string? MessageId { get; init; }

    /// <summary>Seconds since the epoch, or null when the publisher set none.</summary>
    public long? Timestamp { get; init; }

    /// <summary>The message type name.</summary>
    public string? Type { get; init; }

    /// <summary>The publishing application.</summary>
    public string? AppId { get; init; }

    /// <summary>The exchange it was published to.</summary>
    public string? Exchange { get; init; }

    /// <summary>The routing key it was published with.</summary>
    public string? RoutingKey { get; init; }

    /// <summary>The facts of a delivery as the client hands it over.</summary>
    public static AmqpDeliveryFacts From(string exchange, string routingKey, IReadOnlyBasicProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new AmqpDeliveryFacts
        {
            ContentType = properties.ContentType,
            ContentEncoding = properties.ContentEncoding,
            DeliveryMode = properties.IsDeliveryModePresent() ? (int)properties.DeliveryMode : 0,
            Priority = properties.Priority,
            CorrelationId = properties.CorrelationId,
            ReplyTo = properties.ReplyTo,
            Expiration = properties.Expiration,
            MessageId = properties.MessageId,
            Timestamp = properties.IsTimestampPresent() ? properties.Timestamp.UnixTime : null,
            Type = properties.Type,
            AppId = properties.AppId,
            Exchange = exchange,
            RoutingKey = routingKey,
        };
    }
}
