namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>ResourceEventSource</c>: changes of Kubernetes objects.</summary>
public sealed record ResourceEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Resource;

    /// <summary><c>namespace</c>: the namespace watched.</summary>
    [ManifestField("namespace")]
    public string? Namespace { get; init; }

    /// <summary><c>filter</c>: which objects are watched.</summary>
    [ManifestField("filter")]
    public ResourceFilter? Filter { get; init; }

    /// <summary><c>group</c>: the API group.</summary>
    [ManifestField("group")]
    public string? Group { get; init; }

    /// <summary><c>version</c>: the API version.</summary>
    [ManifestField("version")]
    public string? Version { get; init; }

    /// <summary><c>resource</c>: the resource (plural name).</summary>
    [ManifestField("resource")]
    public string? Resource { get; init; }

    /// <summary><c>eventTypes</c>: the changes watched: ADD, UPDATE, DELETE.</summary>
    [ManifestField("eventTypes")]
    public IReadOnlyList<string> EventTypes { get; init; } = [];

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;
}
