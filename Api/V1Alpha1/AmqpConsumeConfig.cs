namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AMQPConsumeConfig</c>: arguments of the consumer.</summary>
public sealed record AmqpConsumeConfig
{
    /// <summary><c>consumerTag</c>: the consumer identity.</summary>
    [ManifestField("consumerTag")]
    public string? ConsumerTag { get; init; }

    /// <summary><c>autoAck</c>: the broker treats messages as acknowledged on delivery.</summary>
    [ManifestField("autoAck")]
    public bool AutoAck { get; init; }

    /// <summary><c>exclusive</c>: this must be the queue's only consumer.</summary>
    [ManifestField("exclusive")]
    public bool Exclusive { get; init; }

    /// <summary><c>noLocal</c>: not supported by RabbitMQ.</summary>
    [ManifestField("noLocal")]
    public bool NoLocal { get; init; }

    /// <summary><c>noWait</c>: do not wait for the broker to confirm.</summary>
    [ManifestField("noWait")]
    public bool NoWait { get; init; }
}
