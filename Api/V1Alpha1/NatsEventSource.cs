namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>NATSEventsSource</c>: messages from a core NATS subject.</summary>
public sealed record NatsEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Nats;

    /// <summary><c>url</c>: the NATS server URL.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>subject</c>: the subject subscribed to.</summary>
    [ManifestField("subject")]
    public string? Subject { get; init; }

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

    /// <summary><c>auth</c>: how to authenticate.</summary>
    [ManifestField("auth")]
    public NatsAuth? Auth { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>queue</c>: a queue group to subscribe in (must not be empty when written).</summary>
    [ManifestField("queue")]
    public string? Queue { get; init; }
}
