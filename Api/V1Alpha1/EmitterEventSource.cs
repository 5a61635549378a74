namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>EmitterEventSource</c>: messages from an emitter.io channel.</summary>
public sealed record EmitterEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Emitter;

    /// <summary><c>broker</c>: the broker URI.</summary>
    [ManifestField("broker")]
    public string? Broker { get; init; }

    /// <summary><c>channelKey</c>: the channel key.</summary>
    [ManifestField("channelKey")]
    public string? ChannelKey { get; init; }

    /// <summary><c>channelName</c>: the channel.</summary>
    [ManifestField("channelName")]
    public string? ChannelName { get; init; }

    /// <summary><c>username</c>: the username.</summary>
    [ManifestField("username")]
    public SecretKeySelector? Username { get; init; }

    /// <summary><c>password</c>: the password.</summary>
    [ManifestField("password")]
    public SecretKeySelector? Password { get; init; }

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
