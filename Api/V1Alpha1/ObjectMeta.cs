namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Kubernetes object metadata (<c>metadata</c>). The fields users write are typed; the ones the API server fills
/// in (<c>uid</c>, <c>resourceVersion</c>, ...) are accepted so objects read back from a cluster load too.
/// <c>ownerReferences</c> and <c>managedFields</c> are kept as untyped trees.
/// </summary>
public sealed record ObjectMeta
{
    /// <summary><c>name</c>.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>generateName</c>.</summary>
    [ManifestField("generateName")]
    public string? GenerateName { get; init; }

    /// <summary><c>namespace</c>.</summary>
    [ManifestField("namespace")]
    public string? Namespace { get; init; }

    /// <summary><c>labels</c>.</summary>
    [ManifestField("labels")]
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>annotations</c>.</summary>
    [ManifestField("annotations")]
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>uid</c> (set by the API server).</summary>
    [ManifestField("uid")]
    public string? Uid { get; init; }

    /// <summary><c>resourceVersion</c> (set by the API server).</summary>
    [ManifestField("resourceVersion")]
    public string? ResourceVersion { get; init; }

    /// <summary><c>generation</c> (set by the API server).</summary>
    [ManifestField("generation")]
    public long? Generation { get; init; }

    /// <summary><c>selfLink</c> (set by old API servers).</summary>
    [ManifestField("selfLink")]
    public string? SelfLink { get; init; }

    /// <summary><c>creationTimestamp</c>, RFC 3339 (set by the API server).</summary>
    [ManifestField("creationTimestamp")]
    public string? CreationTimestamp { get; init; }

    /// <summary><c>deletionTimestamp</c>, RFC 3339 (set by the API server).</summary>
    [ManifestField("deletionTimestamp")]
    public string? DeletionTimestamp { get; init; }

    /// <summary><c>deletionGracePeriodSeconds</c> (set by the API server).</summary>
    [ManifestField("deletionGracePeriodSeconds")]
    public long? DeletionGracePeriodSeconds { get; init; }

    /// <summary><c>finalizers</c>.</summary>
    [ManifestField("finalizers")]
    public IReadOnlyList<string> Finalizers { get; init; } = [];

    /// <summary><c>ownerReferences</c>, kept untyped.</summary>
    [ManifestField("ownerReferences")]
    public ManifestNode? OwnerReferences { get; init; }

    /// <summary><c>managedFields</c>, kept untyped.</summary>
    [ManifestField("managedFields")]
    public ManifestNode? ManagedFields { get; init; }
}
