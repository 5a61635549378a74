namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>Container</c>: settings merged into the generated EventSource container. <c>resources</c>,
/// <c>securityContext</c>, <c>env</c> and <c>envFrom</c> are large Kubernetes types and are kept as untyped trees.
/// </summary>
public sealed record Container
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

    /// <summary><c>volumeMounts</c>.</summary>
    [ManifestField("volumeMounts")]
    public IReadOnlyList<VolumeMount> VolumeMounts { get; init; } = [];

    /// <summary><c>env</c> (Kubernetes EnvVar list), untyped.</summary>
    [ManifestField("env")]
    public ManifestNode? Env { get; init; }

    /// <summary><c>envFrom</c> (Kubernetes EnvFromSource list), untyped.</summary>
    [ManifestField("envFrom")]
    public ManifestNode? EnvFrom { get; init; }
}
