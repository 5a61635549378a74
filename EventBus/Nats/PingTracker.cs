namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// Matches PONGs to PINGs. Each PING is recorded with the writer position that ends it, so that when a
/// connection drops the PINGs already written to the dead socket can be told apart from those still buffered
/// (which will be sent, and answered, on the next connection).
/// </summary>
internal sealed class PingTracker
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Position, TaskCompletionSource<bool>? Waiter)> _pending = new();
    private int _outstanding;

    /// <summary>PINGs sent and not answered since the last PONG.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    public void Enqueue(long position, TaskCompletionSource<bool>? waiter)
    {
        lock (_gate)
        {
            _pending.Enqueue((position, waiter));
            _outstanding++;
        }
    }

    public void OnPong()
    {
        TaskCompletionSource<bool>? waiter = null;
        lock (_gate)
        {
            _outstanding = 0;
            if (_pending.Count > 0)
            {
                waiter = _pending.Dequeue().Waiter;
            }
        }

        waiter?.TrySetResult(true);
    }

    /// <summary>Forgets the PINGs that were written to a lost connection; their waiters learn it with <c>false</c>.</summary>
    public void OnConnectionLost(long sentBytes)
    {
        List<TaskCompletionSource<bool>>? lost = null;
        lock (_gate)
        {
            _outstanding = 0;
            var count = _pending.Count;
            for (var i = 0; i < count; i++)
            {
                var entry = _pending.Dequeue();
                if (entry.Position <= sentBytes)
                {
                    if (entry.Waiter is not null)
                    {
                        (lost ??= []).Add(entry.Waiter);
                    }
                }
                else
                {
                    _pending.Enqueue(entry);
                }
            }
        }

        if (lost is not null)
        {
            foreach (var waiter in lost)
            {
                waiter.TrySetResult(false);
            }
        }
    }

    public void FailAll(Exception error)
    {
        List<TaskCompletionSource<bool>> waiters;
        lock (_gate)
        {
            waiters = [.. _pending.Where(p => p.Waiter is not null).Select(p => p.Waiter!)];
            _pending.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetException(error);
        }
    }
}
