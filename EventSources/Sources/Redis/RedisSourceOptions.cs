using ArgoEvents.EventSources.Protocols.Resp;

namespace ArgoEvents.EventSources.Sources.Redis;

/// <summary>What one redis event runs with, resolved from its spec.</summary>
internal sealed record RedisSourceOptions
{
    /// <summary>The EventSource's name.</summary>
    public required string EventSourceName { get; init; }

    /// <summary>The event's name.</summary>
    public required string EventName { get; init; }

    /// <summary>The server, credentials, database and TLS.</summary>
    public required RedisOptions Connection { get; init; }

    /// <summary><c>channels</c>, subscribed to by name (SUBSCRIBE, as Argo).</summary>
    public required IReadOnlyList<string> Channels { get; init; }

    /// <summary><c>jsonBody</c>.</summary>
    public bool JsonBody { get; init; }

    /// <summary><c>metadata</c>, copied into every payload.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
