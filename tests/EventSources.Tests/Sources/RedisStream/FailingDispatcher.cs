using ArgoEvents.EventSources.Runtime;

namespace ArgoEvents.EventSources.Tests.Sources.RedisStream;

/// <summary>A dispatcher whose first <c>failures</c> calls throw, as when the bus refuses; later calls go through.</summary>
internal sealed class FailingDispatcher(IEventDispatcher inner, int failures) : IEventDispatcher
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task DispatchAsync(string eventName, ReadOnlyMemory<byte> payload, string? id = null, CancellationToken cancellationToken = default)
        => Interlocked.Increment(ref _calls) <= failures
            ? Task.FromException(new InvalidOperationException("the bus refused the event (test)"))
            : inner.DispatchAsync(eventName, payload, id, cancellationToken);
}
