namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>Template</c>: how the EventSource pod is run. <c>volumes</c>, <c>securityContext</c> and
/// <c>affinity</c> are large Kubernetes types and are kept as untyped trees.
/// </summary>
public sealed record Template
{
    /// <summary><c>metadata</c>: labels and annotations of the pod.</summary>
    [ManifestField("metadata")]
    public Metadata? Metadata { get; init; }

    /// <summary><c>serviceAccountName</c>.</summary>
    [ManifestField("serviceAccountName")]
    public string? ServiceAccountName { get; init; }

    /// <summary><c>container</c>: settings for the main container.</summary>
    [ManifestField("container")]
    public Container? Container { get; init; }

    /// <summary><c>volumes</c> (Kubernetes Volume list), untyped.</summary>
    [ManifestField("volumes")]
    public ManifestNode? Volumes { get; init; }

    /// <summary><c>securityContext</c> (Kubernetes PodSecurityContext), untyped.</summary>
    [ManifestField("securityContext")]
    public ManifestNode? SecurityContext { get; init; }

    /// <summary><c>nodeSelector</c>.</summary>
    [ManifestField("nodeSelector")]
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>tolerations</c>.</summary>
    [ManifestField("tolerations")]
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

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
}
