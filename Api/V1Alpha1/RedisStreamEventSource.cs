namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>RedisStreamEventSource</c>: entries of Redis streams, read through a consumer group.</summary>
public sealed record RedisStreamEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.RedisStream;

    /// <summary><c>hostAddress</c>: the Redis address.</summary>
    [ManifestField("hostAddress")]
    public string? HostAddress { get; init; }

    /// <summary><c>password</c>: the password.</summary>
    [ManifestField("password")]
    public SecretKeySelector? Password { get; init; }

    /// <summary><c>db</c>: the database (default 0).</summary>
    [ManifestField("db")]
    public int? Db { get; init; }

    /// <summary><c>streams</c>: the streams read.</summary>
    [ManifestField("streams")]
    public IReadOnlyList<string> Streams { get; init; } = [];

    /// <summary><c>maxMsgCountPerRead</c>: most entries per stream per read (default 10).</summary>
    [ManifestField("maxMsgCountPerRead")]
    public int? MaxMsgCountPerRead { get; init; }

    /// <summary><c>consumerGroup</c>: the consumer group (default <c>argo-events-cg</c>).</summary>
    [ManifestField("consumerGroup")]
    public string? ConsumerGroup { get; init; }

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>username</c>: the ACL user.</summary>
    [ManifestField("username")]
    public string? Username { get; init; }
}
