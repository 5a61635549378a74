namespace ArgoEvents.EventSources.Runtime;

/// <summary>
/// What a source calls for each upstream happening: the payload becomes a CloudEvent on the bus, and the call
/// returns only once JetStream has stored it. A failure throws, so the source can refuse or retry the happening.
/// </summary>
public interface IEventDispatcher
{
    /// <summary>Publishes <paramref name="payload"/> (JSON) as an event of <paramref name="eventName"/>.</summary>
    /// <param name="eventName">The event's name in the EventSource spec.</param>
    /// <param name="payload">The event data, valid JSON.</param>
    /// <param name="id">
    /// A stable id for the happening (a scheduled time, an upstream message id), so a replay after a failover is
    /// dropped by the bus; null for a random id.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait for the bus; the event may still be stored.</param>
    Task DispatchAsync(string eventName, ReadOnlyMemory<byte> payload, string? id = null, CancellationToken cancellationToken = default);
}
