namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// One kind of event source: its key in an EventSource spec (<c>pubSub</c>), the type string Argo puts in
/// CloudEvents (<c>pubsub</c>), how its replicas share the work, and its model type.
/// </summary>
public sealed class EventSourceType
{
    private readonly Func<EventSourceSpec, IEnumerable<NamedEventSource>> _eventsOf;

    internal EventSourceType(
        string specKey,
        string typeName,
        HighAvailabilityMode highAvailability,
        Type entryType,
        Func<EventSourceSpec, IEnumerable<NamedEventSource>> eventsOf)
    {
        SpecKey = specKey;
        TypeName = typeName;
        HighAvailability = highAvailability;
        EntryType = entryType;
        _eventsOf = eventsOf;
    }

    /// <summary>The map's key under <c>spec</c>, such as <c>storageGrid</c>.</summary>
    public string SpecKey { get; }

    /// <summary>The type string of the events, such as <c>storagegrid</c> (the CloudEvent <c>type</c>).</summary>
    public string TypeName { get; }

    /// <summary>Whether all replicas serve or only the leader.</summary>
    public HighAvailabilityMode HighAvailability { get; }

    /// <summary>The model type of one event of this kind.</summary>
    public Type EntryType { get; }

    /// <summary>The events of this type that <paramref name="spec"/> defines.</summary>
    public IEnumerable<NamedEventSource> EventsOf(EventSourceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return _eventsOf(spec);
    }

    /// <summary>The type string.</summary>
    public override string ToString() => TypeName;
}
