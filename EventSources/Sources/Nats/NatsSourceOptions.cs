using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventSources.Sources.Nats;

/// <summary>What one nats event runs with, resolved from its spec.</summary>
public sealed record NatsSourceOptions
{
    /// <summary>The EventSource's name.</summary>
    public required string EventSourceName { get; init; }

    /// <summary>The event's name.</summary>
    public required string EventName { get; init; }

    /// <summary>The upstream connection: servers, credentials, TLS.</summary>
    public required NatsOptions Connection { get; init; }

    /// <summary><c>subject</c>.</summary>
    public required string Subject { get; init; }

    /// <summary><c>queue</c>: the queue group, or null for a plain subscription.</summary>
    public string? Queue { get; init; }

    /// <summary><c>jsonBody</c>.</summary>
    public bool JsonBody { get; init; }

    /// <summary><c>connectionBackoff</c>: retries of the first connection.</summary>
    public ConnectionBackoff Backoff { get; init; } = ConnectionBackoff.Default;

    /// <summary><c>metadata</c>, copied into every payload.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
