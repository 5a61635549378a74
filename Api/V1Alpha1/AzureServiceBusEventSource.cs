namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AzureServiceBusEventSource</c>: messages from an Azure Service Bus queue or topic subscription.</summary>
public sealed record AzureServiceBusEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.AzureServiceBus;

    /// <summary><c>connectionString</c>: the connection string (instead of Azure AD).</summary>
    [ManifestField("connectionString")]
    public SecretKeySelector? ConnectionString { get; init; }

    /// <summary><c>queueName</c>: the queue (or use a topic and subscription).</summary>
    [ManifestField("queueName")]
    public string? QueueName { get; init; }

    /// <summary><c>topicName</c>: the topic.</summary>
    [ManifestField("topicName")]
    public string? TopicName { get; init; }

    /// <summary><c>subscriptionName</c>: the topic subscription.</summary>
    [ManifestField("subscriptionName")]
    public string? SubscriptionName { get; init; }

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>fullyQualifiedNamespace</c>: the namespace host name, for Azure AD access.</summary>
    [ManifestField("fullyQualifiedNamespace")]
    public string? FullyQualifiedNamespace { get; init; }

    /// <summary><c>deferDelete</c>: lock messages and delete them only after they were processed.</summary>
    [ManifestField("deferDelete")]
    public bool DeferDelete { get; init; }
}
