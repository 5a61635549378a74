namespace ArgoEvents.Api.V1Alpha1;

/// <summary>The configuration of one named event under one of an EventSource spec's type maps.</summary>
public abstract record EventSourceEntry
{
    /// <summary>The event source type this configuration belongs to.</summary>
    public abstract EventSourceType SourceType { get; }
}
