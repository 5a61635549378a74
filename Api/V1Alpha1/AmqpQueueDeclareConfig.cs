namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AMQPQueueDeclareConfig</c>: arguments of the queue declaration.</summary>
public sealed record AmqpQueueDeclareConfig
{
    /// <summary><c>name</c>: the queue; empty lets the broker name it.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>durable</c>: the queue survives a broker restart.</summary>
    [ManifestField("durable")]
    public bool Durable { get; init; }

    /// <summary><c>autoDelete</c>: the queue is removed when its last consumer leaves.</summary>
    [ManifestField("autoDelete")]
    public bool AutoDelete { get; init; }

    /// <summary><c>exclusive</c>: only this connection may use the queue.</summary>
    [ManifestField("exclusive")]
    public bool Exclusive { get; init; }

    /// <summary><c>noWait</c>: do not wait for the broker to confirm.</summary>
    [ManifestField("noWait")]
    public bool NoWait { get; init; }

    /// <summary><c>arguments</c>: extra queue arguments (x-arguments), as JSON text.</summary>
    [ManifestField("arguments")]
    public string? Arguments { get; init; }
}
