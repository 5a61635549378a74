using System.Runtime.CompilerServices;
using ArgoEvents.EventBus.JetStream;

namespace ArgoEvents.EventBus.KeyValue;

/// <summary>
/// A running watch: first the current values of the watched keys, then every change as it happens, in revision
/// order. <see cref="InitialValuesDone"/> completes when the last current value is handed out (at once when
/// there is none). Dispose it to stop. Read it from one reader at a time.
/// </summary>
public sealed class KeyValueWatcher : IAsyncDisposable
{
    private readonly KeyValueStore _store;
    private readonly OrderedConsumer _consumer;
    private readonly KeyValueWatchOptions _options;
    private readonly TaskCompletionSource _initialDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal KeyValueWatcher(KeyValueStore store, OrderedConsumer consumer, KeyValueWatchOptions options)
    {
        _store = store;
        _consumer = consumer;
        _options = options;
        if (options.UpdatesOnly || consumer.InitialPending == 0)
        {
            _initialDone.TrySetResult();
        }
    }

    /// <summary>Completes when every value that existed when the watch started has been handed out.</summary>
    public Task InitialValuesDone => _initialDone.Task;

    /// <summary>Reads entries until cancelled or until the connection closes.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The entries.</returns>
    public async IAsyncEnumerable<KeyValueEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await NextAsync(cancellationToken).ConfigureAwait(false) is { } entry)
        {
            yield return entry;
        }
    }

    /// <summary>The next entry, or null when the connection closed.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The entry.</returns>
    public async ValueTask<KeyValueEntry?> NextAsync(CancellationToken cancellationToken = default)
    {
        while (await _consumer.NextAsync(cancellationToken).ConfigureAwait(false) is { } msg)
        {
            var entry = _store.ToEntry(msg);
            var lastInitial = entry.Delta == 0 && !_initialDone.Task.IsCompleted;
            if (lastInitial)
            {
                _initialDone.TrySetResult();
            }

            if (_options.IgnoreDeletes && entry.Operation != KeyValueOperation.Put)
            {
                continue;
            }

            return entry;
        }

        return null;
    }

    /// <summary>Stops the watch.</summary>
    /// <returns>A task that completes when the underlying consumer is gone.</returns>
    public ValueTask DisposeAsync() => _consumer.DisposeAsync();
}
