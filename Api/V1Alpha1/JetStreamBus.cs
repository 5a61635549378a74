namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>JetStreamBus</c>: a JetStream cluster run for the bus. <c>securityContext</c> and <c>affinity</c> are
/// large Kubernetes types and are kept as untyped trees.
/// </summary>
public sealed record JetStreamBus
{
    /// <summary>The StatefulSet size Argo uses when <c>replicas</c> is not written.</summary>
    public const int DefaultReplicas = 3;

    /// <summary><c>version</c>: the JetStream version, a key of Argo's controller configuration such as <c>latest</c>.</summary>
    [ManifestField("version")]
    public string? Version { get; init; }

    /// <summary><c>replicas</c>: StatefulSet size, 1 or at least 3 (default 3).</summary>
    [ManifestField("replicas")]
    public int? Replicas { get; init; }

    /// <summary><c>containerTemplate</c>: the nats-server container.</summary>
    [ManifestField("containerTemplate")]
    public ContainerTemplate? ContainerTemplate { get; init; }

    /// <summary><c>reloaderContainerTemplate</c>: the configuration reloader container.</summary>
    [ManifestField("reloaderContainerTemplate")]
    public ContainerTemplate? ReloaderContainerTemplate { get; init; }

    /// <summary><c>metricsContainerTemplate</c>: the metrics exporter container.</summary>
    [ManifestField("metricsContainerTemplate")]
    public ContainerTemplate? MetricsContainerTemplate { get; init; }

    /// <summary><c>persistence</c>.</summary>
    [ManifestField("persistence")]
    public PersistenceStrategy? Persistence { get; init; }

    /// <summary><c>metadata</c>: labels and annotations of the pods.</summary>
    [ManifestField("metadata")]
    public Metadata? Metadata { get; init; }

    /// <summary><c>nodeSelector</c>.</summary>
    [ManifestField("nodeSelector")]
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>tolerations</c>.</summary>
    [ManifestField("tolerations")]
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    /// <summary><c>securityContext</c> (Kubernetes PodSecurityContext), untyped.</summary>
    [ManifestField("securityContext")]
    public ManifestNode? SecurityContext { get; init; }

    /// <summary><c>imagePullSecrets</c>.</summary>
    [ManifestField("imagePullSecrets")]
    public IReadOnlyList<LocalObjectReference> ImagePullSecrets { get; init; } = [];

    /// <summary><c>priorityClassName</c>.</summary>
    [ManifestField("priorityClassName")]
    public string? PriorityClassName { get; init; }

    /// <summary><c>priority</c>.</summary>
    [ManifestField("priority")]
    public int? Priority { get; init; }

    /// <summary><c>affinity</c> (Kubernetes Affinity), untyped.</summary>
    [ManifestField("affinity")]
    public ManifestNode? Affinity { get; init; }

    /// <summary><c>serviceAccountName</c>.</summary>
    [ManifestField("serviceAccountName")]
    public string? ServiceAccountName { get; init; }

    /// <summary><c>settings</c>: the body of nats-server's <c>jetstream {}</c> block, as text.</summary>
    [ManifestField("settings")]
    public string? Settings { get; init; }

    /// <summary><c>startArgs</c>: extra nats-server arguments such as <c>-D</c>.</summary>
    [ManifestField("startArgs")]
    public IReadOnlyList<string> StartArgs { get; init; } = [];

    /// <summary><c>streamConfig</c>: stream settings merged over the controller defaults (YAML in a string, read typed).</summary>
    [ManifestField("streamConfig")]
    public JetStreamStreamConfig? StreamConfig { get; init; }

    /// <summary><c>maxPayload</c>: largest message, such as <c>1MB</c> (default 1MB).</summary>
    [ManifestField("maxPayload")]
    public string? MaxPayload { get; init; }

    /// <summary>The StatefulSet size in force: <c>replicas</c> or 3.</summary>
    public int EffectiveReplicas => Replicas ?? DefaultReplicas;
}
