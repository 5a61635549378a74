namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>MNSEventSource</c>: messages from an Alibaba Cloud MNS queue.</summary>
public sealed record MnsEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Mns;

    /// <summary><c>accessKey</c>: the access key.</summary>
    [ManifestField("accessKey")]
    public SecretKeySelector? AccessKey { get; init; }

    /// <summary><c>secretKey</c>: the secret key.</summary>
    [ManifestField("secretKey")]
    public SecretKeySelector? SecretKey { get; init; }

    /// <summary><c>queue</c>: the queue.</summary>
    [ManifestField("queue")]
    public string? Queue { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>endpoint</c>: the MNS endpoint.</summary>
    [ManifestField("endpoint")]
    public string? Endpoint { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
