namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// The at-most-once firings still running after their messages were acknowledged. Argo starts one goroutine per firing
/// without bound; here at most <c>capacity</c> run at once and the next firing waits for a slot, so a slow target slows
/// consumption instead of exhausting memory. Stopping waits for the running ones.
/// </summary>
internal sealed class BackgroundActions(int capacity)
{
    private readonly SemaphoreSlim _slots = new(capacity, capacity);
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];

    /// <summary>Starts <paramref name="action"/> once a slot is free.</summary>
    public async Task StartAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var task = Task.Run(async () =>
        {
            try
            {
                await action().ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }, CancellationToken.None);
        lock (_gate)
        {
            _running.Add(task);
        }

        _ = task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits for every running firing (their failures were logged by the action itself).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Each action reports its own failure; draining only waits.
        }
    }
}
