using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Tests.Sources.Calendar;

/// <summary>Passes every dispatch on and counts those the bus acknowledged.</summary>
internal sealed class CountingDispatcher(IEventDispatcher inner) : IEventDispatcher
{
    private int _acknowledged;

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public async Task DispatchAsync(string eventName, ReadOnlyMemory<byte> payload, string? id = null, CancellationToken cancellationToken = default)
    {
        await inner.DispatchAsync(eventName, payload, id, cancellationToken);
        Interlocked.Increment(ref _acknowledged);
    }
}
