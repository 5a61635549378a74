namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SQSEventSource</c>: messages from an AWS SQS queue.</summary>
public sealed record SqsEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Sqs;

    /// <summary><c>accessKey</c>: the AWS access key.</summary>
    [ManifestField("accessKey")]
    public SecretKeySelector? AccessKey { get; init; }

    /// <summary><c>secretKey</c>: the AWS secret key.</summary>
    [ManifestField("secretKey")]
    public SecretKeySelector? SecretKey { get; init; }

    /// <summary><c>region</c>: the AWS region.</summary>
    [ManifestField("region")]
    public string? Region { get; init; }

    /// <summary><c>queue</c>: the queue.</summary>
    [ManifestField("queue")]
    public string? Queue { get; init; }

    /// <summary><c>waitTimeSeconds</c>: long-poll wait, in seconds.</summary>
    [ManifestField("waitTimeSeconds")]
    public long? WaitTimeSeconds { get; init; }

    /// <summary><c>roleARN</c>: a role to assume.</summary>
    [ManifestField("roleARN")]
    public string? RoleArn { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>queueAccountId</c>: the account that owns the queue.</summary>
    [ManifestField("queueAccountId")]
    public string? QueueAccountId { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>dlq</c>: leave unprocessable messages for the dead-letter queue instead of deleting them.</summary>
    [ManifestField("dlq")]
    public bool Dlq { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>endpoint</c>: an SQS endpoint other than AWS's.</summary>
    [ManifestField("endpoint")]
    public string? Endpoint { get; init; }

    /// <summary><c>sessionToken</c>: an STS session token.</summary>
    [ManifestField("sessionToken")]
    public SecretKeySelector? SessionToken { get; init; }
}
