namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SNSEventSource</c>: notifications of an AWS SNS topic.</summary>
public sealed record SnsEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Sns;

    /// <summary><c>webhook</c>: the HTTP endpoint events arrive on.</summary>
    [ManifestField("webhook")]
    public WebhookContext? Webhook { get; init; }

    /// <summary><c>topicArn</c>: the topic.</summary>
    [ManifestField("topicArn")]
    public string? TopicArn { get; init; }

    /// <summary><c>accessKey</c>: the AWS access key.</summary>
    [ManifestField("accessKey")]
    public SecretKeySelector? AccessKey { get; init; }

    /// <summary><c>secretKey</c>: the AWS secret key.</summary>
    [ManifestField("secretKey")]
    public SecretKeySelector? SecretKey { get; init; }

    /// <summary><c>region</c>: the AWS region.</summary>
    [ManifestField("region")]
    public string? Region { get; init; }

    /// <summary><c>roleARN</c>: a role to assume.</summary>
    [ManifestField("roleARN")]
    public string? RoleArn { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>validateSignature</c>: verify SNS message signatures.</summary>
    [ManifestField("validateSignature")]
    public bool ValidateSignature { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>endpoint</c>: an SNS endpoint other than AWS's.</summary>
    [ManifestField("endpoint")]
    public string? Endpoint { get; init; }
}
