namespace ArgoEvents.ServiceDefaults.Shutdown;

/// <summary>One unit of work that shutdown waits for; disposing it marks the work finished.</summary>
public sealed class InFlightWork : IDisposable
{
    private ShutdownSignal? _owner;

    internal InFlightWork(ShutdownSignal owner) => _owner = owner;

    /// <summary>Marks the work finished. Later calls do nothing.</summary>
    public void Dispose() => Interlocked.Exchange(ref _owner, null)?.EndWork();
}
