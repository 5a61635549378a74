namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>PersistenceStrategy</c>: the persistent volume of each EventBus server.</summary>
public sealed record PersistenceStrategy
{
    /// <summary><c>storageClassName</c>.</summary>
    [ManifestField("storageClassName")]
    public string? StorageClassName { get; init; }

    /// <summary><c>accessMode</c>: ReadWriteOnce, ReadWriteMany, ...</summary>
    [ManifestField("accessMode")]
    public string? AccessMode { get; init; }

    /// <summary><c>volumeSize</c>: a Kubernetes quantity such as <c>10Gi</c>.</summary>
    [ManifestField("volumeSize")]
    public string? VolumeSize { get; init; }
}
