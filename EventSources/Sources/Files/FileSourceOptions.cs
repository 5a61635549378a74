namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>What one file event runs with, resolved from its spec.</summary>
public sealed record FileSourceOptions
{
    /// <summary>The EventSource's name.</summary>
    public required string EventSourceName { get; init; }

    /// <summary>The event's name.</summary>
    public required string EventName { get; init; }

    /// <summary>The directory and the paths in it that concern the event.</summary>
    public required WatchedPath Path { get; init; }

    /// <summary><c>eventType</c>: the operation text a change must have.</summary>
    public required string EventType { get; init; }

    /// <summary><c>polling</c>: compare snapshots every <see cref="PollInterval"/> instead of using inotify.</summary>
    public bool Polling { get; init; }

    /// <summary>How often the directory is polled (Argo: 100 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary><c>metadata</c>, copied into every payload.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
