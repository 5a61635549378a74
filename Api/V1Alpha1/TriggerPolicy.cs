namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>TriggerPolicy</c>: how a trigger's success is decided.</summary>
public sealed record TriggerPolicy
{
    /// <summary><c>k8s</c>: wait for labels on the created Kubernetes object.</summary>
    [ManifestField("k8s")]
    public K8sResourcePolicy? K8s { get; init; }

    /// <summary><c>status</c>: the response statuses that count as success.</summary>
    [ManifestField("status")]
    public StatusPolicy? Status { get; init; }
}
