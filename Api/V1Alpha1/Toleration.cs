namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Kubernetes <c>Toleration</c>: lets a pod be scheduled on nodes with a matching taint.</summary>
public sealed record Toleration
{
    /// <summary><c>key</c>.</summary>
    [ManifestField("key")]
    public string? Key { get; init; }

    /// <summary><c>operator</c>: Exists or Equal.</summary>
    [ManifestField("operator")]
    public string? Operator { get; init; }

    /// <summary><c>value</c>.</summary>
    [ManifestField("value")]
    public string? Value { get; init; }

    /// <summary><c>effect</c>: NoSchedule, PreferNoSchedule or NoExecute.</summary>
    [ManifestField("effect")]
    public string? Effect { get; init; }

    /// <summary><c>tolerationSeconds</c>.</summary>
    [ManifestField("tolerationSeconds")]
    public long? TolerationSeconds { get; init; }
}
