namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>StatusPolicy</c>: the response statuses that count as success.</summary>
public sealed record StatusPolicy
{
    /// <summary><c>allow</c>: the allowed statuses, such as 200 and 201.</summary>
    [ManifestField("allow")]
    public IReadOnlyList<int> Allow { get; init; } = [];
}
