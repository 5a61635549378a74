namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>RedisEventSource</c>: messages from Redis pub/sub channels.</summary>
public sealed record RedisEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Redis;

    /// <summary><c>hostAddress</c>: the Redis address.</summary>
    [ManifestField("hostAddress")]
    public string? HostAddress { get; init; }

    /// <summary><c>password</c>: the password.</summary>
    [ManifestField("password")]
    public SecretKeySelector? Password { get; init; }

    /// <summary><c>namespace</c>: the namespace of the password Secret.</summary>
    [ManifestField("namespace")]
    public string? Namespace { get; init; }

    /// <summary><c>db</c>: the database (default 0).</summary>
    [ManifestField("db")]
    public int? Db { get; init; }

    /// <summary><c>channels</c>: the channels subscribed to.</summary>
    [ManifestField("channels")]
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>username</c>: the ACL user.</summary>
    [ManifestField("username")]
    public string? Username { get; init; }
}
