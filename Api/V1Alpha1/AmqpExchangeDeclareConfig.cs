namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AMQPExchangeDeclareConfig</c>: arguments of the exchange declaration.</summary>
public sealed record AmqpExchangeDeclareConfig
{
    /// <summary><c>durable</c>: the exchange survives a broker restart.</summary>
    [ManifestField("durable")]
    public bool Durable { get; init; }

    /// <summary><c>autoDelete</c>: the exchange is removed when no queue is bound.</summary>
    [ManifestField("autoDelete")]
    public bool AutoDelete { get; init; }

    /// <summary><c>internal</c>: the exchange refuses publishes from clients.</summary>
    [ManifestField("internal")]
    public bool Internal { get; init; }

    /// <summary><c>noWait</c>: do not wait for the broker to confirm.</summary>
    [ManifestField("noWait")]
    public bool NoWait { get; init; }
}
