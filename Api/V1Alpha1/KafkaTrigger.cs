namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>KafkaTrigger</c>: produce a message on a Kafka topic.</summary>
public sealed record KafkaTrigger
{
    /// <summary><c>url</c>: the brokers, comma-separated.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>topic</c>.</summary>
    [ManifestField("topic")]
    public string? Topic { get; init; }

    /// <summary><c>partition</c>: deprecated by Argo; accepted and ignored.</summary>
    [ManifestField("partition")]
    public int? Partition { get; init; }

    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>requiredAcks</c>: broker acknowledgements awaited (default 1).</summary>
    [ManifestField("requiredAcks")]
    public int? RequiredAcks { get; init; }

    /// <summary><c>compress</c>: snappy-compress messages.</summary>
    [ManifestField("compress")]
    public bool Compress { get; init; }

    /// <summary><c>flushFrequency</c>: milliseconds between batch flushes (default 500).</summary>
    [ManifestField("flushFrequency")]
    public int? FlushFrequency { get; init; }

    /// <summary><c>tls</c>.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>payload</c>: how the message body is built.</summary>
    [ManifestField("payload")]
    public IReadOnlyList<TriggerParameter> Payload { get; init; } = [];

    /// <summary><c>partitioningKey</c>: the message key.</summary>
    [ManifestField("partitioningKey")]
    public string? PartitioningKey { get; init; }

    /// <summary><c>version</c>: the Kafka protocol version (default 1.0.0).</summary>
    [ManifestField("version")]
    public string? Version { get; init; }

    /// <summary><c>sasl</c>.</summary>
    [ManifestField("sasl")]
    public SaslConfig? Sasl { get; init; }

    /// <summary><c>schemaRegistry</c>: produce Avro with this registry's schema.</summary>
    [ManifestField("schemaRegistry")]
    public SchemaRegistryConfig? SchemaRegistry { get; init; }

    /// <summary><c>headers</c>: fixed message headers.</summary>
    [ManifestField("headers")]
    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>secureHeaders</c>: headers whose values come from Secrets or ConfigMaps.</summary>
    [ManifestField("secureHeaders")]
    public IReadOnlyList<SecureHeader> SecureHeaders { get; init; } = [];
}
