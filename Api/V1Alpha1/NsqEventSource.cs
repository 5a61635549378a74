namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>NSQEventSource</c>: messages from an NSQ topic.</summary>
public sealed record NsqEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Nsq;

    /// <summary><c>hostAddress</c>: the nsqlookupd address.</summary>
    [ManifestField("hostAddress")]
    public string? HostAddress { get; init; }

    /// <summary><c>topic</c>: the topic.</summary>
    [ManifestField("topic")]
    public string? Topic { get; init; }

    /// <summary><c>channel</c>: the channel.</summary>
    [ManifestField("channel")]
    public string? Channel { get; init; }

    /// <summary><c>connectionBackoff</c>: retries of the connection.</summary>
    [ManifestField("connectionBackoff")]
    public Backoff? ConnectionBackoff { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
