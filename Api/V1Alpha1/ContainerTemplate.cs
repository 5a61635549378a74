namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>ContainerTemplate</c>: settings for one container of an EventBus StatefulSet. <c>resources</c> and
/// <c>securityContext</c> are large Kubernetes types and are kept as untyped trees.
/// </summary>
public sealed record ContainerTemplate
{
    /// <summary><c>resources</c> (Kubernetes ResourceRequirements), untyped.</summary>
    [ManifestField("resources")]
    public ManifestNode? Resources { get; init; }

    /// <summary><c>imagePullPolicy</c>: Always, IfNotPresent or Never.</summary>
    [ManifestField("imagePullPolicy")]
    public string? ImagePullPolicy { get; init; }

    /// <summary><c>securityContext</c> (Kubernetes SecurityContext), untyped.</summary>
    [ManifestField("securityContext")]
    public ManifestNode? SecurityContext { get; init; }
}
