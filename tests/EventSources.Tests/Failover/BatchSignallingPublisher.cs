namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Wraps a publisher and tells when the next batch has been taken by the broker, so a kill can be timed for the
/// moment the source is most likely to hold messages it has read and not yet settled.
/// </summary>
public sealed class BatchSignallingPublisher(INumberedPublisher inner) : INumberedPublisher
{
    private TaskCompletionSource _nextBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sent;

    /// <summary>How many messages the broker has taken so far.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Completes once a batch started after this call has been taken by the broker.</summary>
    public Task NextBatchAsync()
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _nextBatch, waiting);
        return waiting.Task;
    }

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<int> numbers, CancellationToken cancellationToken)
    {
        var waiting = Volatile.Read(ref _nextBatch);
        await inner.PublishAsync(numbers, cancellationToken);
        Interlocked.Add(ref _sent, numbers.Count);
        waiting.TrySetResult();
    }

    /// <summary>Does nothing: the wrapped publisher belongs to whoever created it.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
