namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>NativeStrategy</c>: a NATS Streaming StatefulSet run for the bus. <c>securityContext</c> and
/// <c>affinity</c> are large Kubernetes types and are kept as untyped trees.
/// </summary>
public sealed record NativeStrategy
{
    /// <summary><c>replicas</c>: StatefulSet size (Argo raises values below 3 to 3).</summary>
    [ManifestField("replicas")]
    public int? Replicas { get; init; }

    /// <summary><c>auth</c>: none (default), token or basic.</summary>
    [ManifestField("auth")]
    public string? Auth { get; init; }

    /// <summary><c>persistence</c>.</summary>
    [ManifestField("persistence")]
    public PersistenceStrategy? Persistence { get; init; }

    /// <summary><c>containerTemplate</c>: the NATS container.</summary>
    [ManifestField("containerTemplate")]
    public ContainerTemplate? ContainerTemplate { get; init; }

    /// <summary><c>metricsContainerTemplate</c>: the metrics exporter container.</summary>
    [ManifestField("metricsContainerTemplate")]
    public ContainerTemplate? MetricsContainerTemplate { get; init; }

    /// <summary><c>nodeSelector</c>.</summary>
    [ManifestField("nodeSelector")]
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>tolerations</c>.</summary>
    [ManifestField("tolerations")]
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    /// <summary><c>metadata</c>: labels and annotations of the pods.</summary>
    [ManifestField("metadata")]
    public Metadata? Metadata { get; init; }

    /// <summary><c>securityContext</c> (Kubernetes PodSecurityContext), untyped.</summary>
    [ManifestField("securityContext")]
    public ManifestNode? SecurityContext { get; init; }

    /// <summary><c>maxAge</c>: oldest message kept (default 72h).</summary>
    [ManifestField("maxAge")]
    public GoDuration? MaxAge { get; init; }

    /// <summary><c>imagePullSecrets</c>.</summary>
    [ManifestField("imagePullSecrets")]
    public IReadOnlyList<LocalObjectReference> ImagePullSecrets { get; init; } = [];

    /// <summary><c>serviceAccountName</c>.</summary>
    [ManifestField("serviceAccountName")]
    public string? ServiceAccountName { get; init; }

    /// <summary><c>priorityClassName</c>.</summary>
    [ManifestField("priorityClassName")]
    public string? PriorityClassName { get; init; }

    /// <summary><c>priority</c>.</summary>
    [ManifestField("priority")]
    public int? Priority { get; init; }

    /// <summary><c>affinity</c> (Kubernetes Affinity), untyped.</summary>
    [ManifestField("affinity")]
    public ManifestNode? Affinity { get; init; }

    /// <summary><c>maxMsgs</c>: most messages per channel (default 1,000,000; 0 for no limit).</summary>
    [ManifestField("maxMsgs")]
    public long? MaxMsgs { get; init; }

    /// <summary><c>maxBytes</c>: most bytes per channel, such as <c>1GB</c>.</summary>
    [ManifestField("maxBytes")]
    public string? MaxBytes { get; init; }

    /// <summary><c>maxSubs</c>: most subscriptions per channel (default 1000).</summary>
    [ManifestField("maxSubs")]
    public long? MaxSubs { get; init; }

    /// <summary><c>maxPayload</c>: largest message, such as <c>1MB</c>.</summary>
    [ManifestField("maxPayload")]
    public string? MaxPayload { get; init; }

    /// <summary><c>raftHeartbeatTimeout</c> (default 2s).</summary>
    [ManifestField("raftHeartbeatTimeout")]
    public GoDuration? RaftHeartbeatTimeout { get; init; }

    /// <summary><c>raftElectionTimeout</c> (default 2s).</summary>
    [ManifestField("raftElectionTimeout")]
    public GoDuration? RaftElectionTimeout { get; init; }

    /// <summary><c>raftLeaseTimeout</c> (default 1s).</summary>
    [ManifestField("raftLeaseTimeout")]
    public GoDuration? RaftLeaseTimeout { get; init; }

    /// <summary><c>raftCommitTimeout</c> (default 100ms).</summary>
    [ManifestField("raftCommitTimeout")]
    public GoDuration? RaftCommitTimeout { get; init; }
}
