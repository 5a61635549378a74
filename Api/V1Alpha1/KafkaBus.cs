namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>KafkaBus</c>: an existing Kafka cluster used as the bus.</summary>
public sealed record KafkaBus
{
    /// <summary><c>url</c>: the brokers, comma separated.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>topic</c>: the event topic (default <c>{namespace}-{eventbus name}</c>).</summary>
    [ManifestField("topic")]
    public string? Topic { get; init; }

    /// <summary><c>version</c>: the Kafka protocol version.</summary>
    [ManifestField("version")]
    public string? Version { get; init; }

    /// <summary><c>tls</c>.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>sasl</c>.</summary>
    [ManifestField("sasl")]
    public SaslConfig? Sasl { get; init; }

    /// <summary><c>consumerGroup</c>.</summary>
    [ManifestField("consumerGroup")]
    public KafkaConsumerGroup? ConsumerGroup { get; init; }

    /// <summary><c>partitioner</c>: random (default), hash, roundrobin or manual.</summary>
    [ManifestField("partitioner")]
    public string? Partitioner { get; init; }

    /// <summary><c>consumerBatchMaxWait</c>: how long a sensor waits to fill a batch (default 1s; 0 disables batching).</summary>
    [ManifestField("consumerBatchMaxWait")]
    public GoDuration? ConsumerBatchMaxWait { get; init; }
}
