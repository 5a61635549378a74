namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Kubernetes <c>VolumeMount</c>: where a pod volume appears inside a container.</summary>
public sealed record VolumeMount
{
    /// <summary><c>name</c>: the volume.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>readOnly</c>.</summary>
    [ManifestField("readOnly")]
    public bool ReadOnly { get; init; }

    /// <summary><c>recursiveReadOnly</c>.</summary>
    [ManifestField("recursiveReadOnly")]
    public string? RecursiveReadOnly { get; init; }

    /// <summary><c>mountPath</c>.</summary>
    [ManifestField("mountPath")]
    public string? MountPath { get; init; }

    /// <summary><c>subPath</c>.</summary>
    [ManifestField("subPath")]
    public string? SubPath { get; init; }

    /// <summary><c>mountPropagation</c>.</summary>
    [ManifestField("mountPropagation")]
    public string? MountPropagation { get; init; }

    /// <summary><c>subPathExpr</c>.</summary>
    [ManifestField("subPathExpr")]
    public string? SubPathExpr { get; init; }
}
