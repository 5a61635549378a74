namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>FileEventSource</c>: file system changes in a directory.</summary>
public sealed record FileEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.File;

    /// <summary><c>eventType</c>: the operation watched: CREATE, WRITE, REMOVE, RENAME or CHMOD.</summary>
    [ManifestField("eventType")]
    public string? EventType { get; init; }

    /// <summary><c>watchPathConfig</c>: the directory and file watched.</summary>
    [ManifestField("watchPathConfig")]
    public WatchPathConfig? WatchPathConfig { get; init; }

    /// <summary><c>polling</c>: poll the directory instead of using inotify.</summary>
    [ManifestField("polling")]
    public bool Polling { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
