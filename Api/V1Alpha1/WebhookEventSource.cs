namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>WebhookEventSource</c>: a plain HTTP endpoint.</summary>
public sealed record WebhookEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Webhook;

    /// <summary>The endpoint (<c>endpoint</c>, <c>port</c>, <c>method</c>, ...), written at this level.</summary>
    [ManifestInline]
    public WebhookContext Context { get; init; } = new();

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
