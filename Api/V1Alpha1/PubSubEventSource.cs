namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>PubSubEventSource</c>: messages from a Google Cloud Pub/Sub subscription.</summary>
public sealed record PubSubEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.PubSub;

    /// <summary><c>projectID</c>: the project of the subscription.</summary>
    [ManifestField("projectID")]
    public string? ProjectId { get; init; }

    /// <summary><c>topicProjectID</c>: the project of the topic (default the subscription project).</summary>
    [ManifestField("topicProjectID")]
    public string? TopicProjectId { get; init; }

    /// <summary><c>topic</c>: the topic (needed to create a subscription).</summary>
    [ManifestField("topic")]
    public string? Topic { get; init; }

    /// <summary><c>subscriptionID</c>: an existing subscription.</summary>
    [ManifestField("subscriptionID")]
    public string? SubscriptionId { get; init; }

    /// <summary><c>credentialSecret</c>: JSON credentials (otherwise Workload Identity).</summary>
    [ManifestField("credentialSecret")]
    public SecretKeySelector? CredentialSecret { get; init; }

    /// <summary><c>deleteSubscriptionOnFinish</c>: delete the subscription when the event source stops.</summary>
    [ManifestField("deleteSubscriptionOnFinish")]
    public bool DeleteSubscriptionOnFinish { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
