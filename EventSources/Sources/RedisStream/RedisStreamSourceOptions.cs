using ArgoEvents.EventSources.Protocols.Resp;

namespace ArgoEvents.EventSources.Sources.RedisStream;

/// <summary>What one redisStream event runs with, resolved from its spec and the service's settings.</summary>
internal sealed record RedisStreamSourceOptions
{
    /// <summary>Argo's consumer group when <c>consumerGroup</c> is not set.</summary>
    public const string DefaultConsumerGroup = "argo-events-cg";

    /// <summary>
    /// Argo's consumer name. Every replica reads under it, so a new leader owns what the old one read and did not
    /// acknowledge, and re-reads it at once as its own pending entries.
    /// </summary>
    public const string DefaultConsumer = "argo-events-worker";

    /// <summary>Argo's <c>maxMsgCountPerRead</c> default.</summary>
    public const int DefaultCount = 10;

    /// <summary>The EventSource's name.</summary>
    public required string EventSourceName { get; init; }

    /// <summary>The event's name.</summary>
    public required string EventName { get; init; }

    /// <summary>The server, credentials, database and TLS.</summary>
    public required RedisOptions Connection { get; init; }

    /// <summary><c>streams</c>.</summary>
    public required IReadOnlyList<string> Streams { get; init; }

    /// <summary><c>consumerGroup</c>.</summary>
    public string ConsumerGroup { get; init; } = DefaultConsumerGroup;

    /// <summary>The consumer name this replica reads as.</summary>
    public string Consumer { get; init; } = DefaultConsumer;

    /// <summary><c>maxMsgCountPerRead</c>: most entries per read.</summary>
    public int Count { get; init; } = DefaultCount;

    /// <summary>How long XREADGROUP waits for new entries (Argo: 2 s).</summary>
    public TimeSpan Block { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an entry must have been pending before it is taken from another consumer (XAUTOCLAIM), and how often
    /// pending entries (including those whose publication failed) are looked at again.
    /// </summary>
    public TimeSpan ClaimMinIdle { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary><c>metadata</c>, copied into every payload.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
