namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AzureServiceBusTrigger</c>: send a message to an Azure Service Bus queue or topic.</summary>
public sealed record AzureServiceBusTrigger
{
    /// <summary><c>connectionString</c>.</summary>
    [ManifestField("connectionString")]
    public SecretKeySelector? ConnectionString { get; init; }

    /// <summary><c>queueName</c>: the queue (or use a topic).</summary>
    [ManifestField("queueName")]
    public string? QueueName { get; init; }

    /// <summary><c>topicName</c>: the topic (with <see cref="SubscriptionName"/>).</summary>
    [ManifestField("topicName")]
    public string? TopicName { get; init; }

    /// <summary><c>subscriptionName</c>: the topic subscription.</summary>
    [ManifestField("subscriptionName")]
    public string? SubscriptionName { get; init; }

    /// <summary><c>tls</c>.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>payload</c>: how the message body is built.</summary>
    [ManifestField("payload")]
    public IReadOnlyList<TriggerParameter> Payload { get; init; } = [];

    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];
}
