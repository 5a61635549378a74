namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>EventPersistence</c>: where a calendar source remembers its last event.</summary>
public sealed record EventPersistence
{
    /// <summary><c>catchup</c>: fire missed events after a restart.</summary>
    [ManifestField("catchup")]
    public CatchupConfiguration? Catchup { get; init; }

    /// <summary><c>configMap</c>: the ConfigMap holding the last event.</summary>
    [ManifestField("configMap")]
    public ConfigMapPersistence? ConfigMap { get; init; }
}
