namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>EventSourceFilter</c>: an expression an event's payload must satisfy to be published.</summary>
public sealed record EventSourceFilter
{
    /// <summary><c>expression</c>: a boolean expression over the event payload.</summary>
    [ManifestField("expression")]
    public string? Expression { get; init; }
}
