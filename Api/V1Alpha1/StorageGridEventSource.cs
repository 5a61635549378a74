namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>StorageGridEventSource</c>: bucket notifications from NetApp StorageGRID.</summary>
public sealed record StorageGridEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.StorageGrid;

    /// <summary><c>webhook</c>: the HTTP endpoint events arrive on.</summary>
    [ManifestField("webhook")]
    public WebhookContext? Webhook { get; init; }

    /// <summary><c>events</c>: the notifications subscribed to.</summary>
    [ManifestField("events")]
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary><c>filter</c>: object key prefix and suffix.</summary>
    [ManifestField("filter")]
    public StorageGridFilter? Filter { get; init; }

    /// <summary><c>topicArn</c>: the topic.</summary>
    [ManifestField("topicArn")]
    public string? TopicArn { get; init; }

    /// <summary><c>bucket</c>: the bucket.</summary>
    [ManifestField("bucket")]
    public string? Bucket { get; init; }

    /// <summary><c>region</c>: the region (default us-east-1).</summary>
    [ManifestField("region")]
    public string? Region { get; init; }

    /// <summary><c>authToken</c>: the API token.</summary>
    [ManifestField("authToken")]
    public SecretKeySelector? AuthToken { get; init; }

    /// <summary><c>apiURL</c>: the StorageGRID API URL.</summary>
    [ManifestField("apiURL")]
    public string? ApiUrl { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }
}
