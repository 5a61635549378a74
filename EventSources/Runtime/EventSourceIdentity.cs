namespace ArgoEvents.EventSources.Runtime;

/// <summary>The EventSource this process runs, and the type of each of its events (the CloudEvent <c>type</c>).</summary>
public sealed class EventSourceIdentity
{
    private readonly IReadOnlyDictionary<string, string> _typeByEvent;

    /// <summary>Creates the identity.</summary>
    public EventSourceIdentity(string name, IReadOnlyDictionary<string, string> typeByEvent)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(typeByEvent);
        Name = name;
        _typeByEvent = typeByEvent;
    }

    /// <summary>The EventSource's name: the CloudEvent <c>source</c> and the second subject token.</summary>
    public string Name { get; }

    /// <summary>The names of every event.</summary>
    public IEnumerable<string> EventNames => _typeByEvent.Keys;

    /// <summary>The source type string of an event, e.g. <c>webhook</c>.</summary>
    /// <exception cref="ArgumentException">The EventSource has no such event.</exception>
    public string TypeOf(string eventName)
        => _typeByEvent.TryGetValue(eventName, out var type)
            ? type
            : throw new ArgumentException($"The EventSource '{Name}' has no event named '{eventName}'.", nameof(eventName));
}
