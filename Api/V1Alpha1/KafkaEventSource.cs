namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>KafkaEventSource</c>: messages from a Kafka topic.</summary>
public sealed record KafkaEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Kafka;

    /// <summary><c>url</c>: the brokers, comma separated.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>partition</c>: the partition read when no consumer group is set.</summary>
    [ManifestField("partition")]
    public string? Partition { get; init; }

    /// <summary><c>topic</c>: the topic.</summary>
    [ManifestField("topic")]
    public string? Topic { get; init; }

    /// <summary><c>connectionBackoff</c>: retries of the connection.</summary>
    [ManifestField("connectionBackoff")]
    public Backoff? ConnectionBackoff { get; init; }

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>consumerGroup</c>: the consumer group.</summary>
    [ManifestField("consumerGroup")]
    public KafkaConsumerGroup? ConsumerGroup { get; init; }

    /// <summary><c>limitEventsPerSecond</c>: most events read per second.</summary>
    [ManifestField("limitEventsPerSecond")]
    public long? LimitEventsPerSecond { get; init; }

    /// <summary><c>version</c>: the Kafka protocol version (default 1.0.0).</summary>
    [ManifestField("version")]
    public string? Version { get; init; }

    /// <summary><c>sasl</c>: SASL authentication.</summary>
    [ManifestField("sasl")]
    public SaslConfig? Sasl { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>config</c>: extra client configuration, as YAML text.</summary>
    [ManifestField("config")]
    public string? Config { get; init; }

    /// <summary><c>schemaRegistry</c>: Avro schema registry.</summary>
    [ManifestField("schemaRegistry")]
    public SchemaRegistryConfig? SchemaRegistry { get; init; }

    /// <summary><c>awsMskIamAuth</c>: Amazon MSK IAM authentication.</summary>
    [ManifestField("awsMskIamAuth")]
    public AwsMskIamConfig? AwsMskIamAuth { get; init; }
}
