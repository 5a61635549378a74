namespace ArgoEvents.Api.V1Alpha1;

/// <summary>One event of an EventSource: its name (the key in its type's map) and its configuration.</summary>
/// <param name="Name">The event name, the CloudEvent <c>subject</c>.</param>
/// <param name="Source">The configuration.</param>
public sealed record NamedEventSource(string Name, EventSourceEntry Source)
{
    /// <summary>The event source type.</summary>
    public EventSourceType Type => Source.SourceType;
}
