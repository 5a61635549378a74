namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>Service</c>: the ClusterIP Service an EventSource asks for, to expose its webhook ports.</summary>
public sealed record Service
{
    /// <summary><c>metadata</c>: labels and annotations of the Service.</summary>
    [ManifestField("metadata")]
    public Metadata? Metadata { get; init; }

    /// <summary><c>ports</c>.</summary>
    [ManifestField("ports")]
    public IReadOnlyList<ServicePort> Ports { get; init; } = [];

    /// <summary><c>clusterIP</c>: <c>None</c>, empty, or an address.</summary>
    [ManifestField("clusterIP")]
    public string? ClusterIP { get; init; }
}
