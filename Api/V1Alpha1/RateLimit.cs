namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>RateLimit</c>: at most <c>requestsPerUnit</c> trigger executions per <c>unit</c>.</summary>
public sealed record RateLimit
{
    /// <summary><c>unit</c>: <c>Second</c> (default), <c>Minute</c> or <c>Hour</c>.</summary>
    [ManifestField("unit")]
    public string? Unit { get; init; }

    /// <summary><c>requestsPerUnit</c>.</summary>
    [ManifestField("requestsPerUnit")]
    public int? RequestsPerUnit { get; init; }
}
