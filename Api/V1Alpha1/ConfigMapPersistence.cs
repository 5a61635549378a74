namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>ConfigMapPersistence</c>.</summary>
public sealed record ConfigMapPersistence
{
    /// <summary><c>name</c>: the ConfigMap.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>createIfNotExist</c>: create the ConfigMap when missing.</summary>
    [ManifestField("createIfNotExist")]
    public bool CreateIfNotExist { get; init; }
}
