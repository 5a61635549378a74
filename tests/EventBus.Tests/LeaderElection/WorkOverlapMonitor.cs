namespace ArgoEvents.EventBus.Tests.LeaderElection;

/// <summary>Counts leaders' work running at once; more than one at any moment is the failure leader election exists to prevent.</summary>
internal sealed class WorkOverlapMonitor
{
    private int _active;
    private int _overlaps;
    private int _entries;

    public int Overlaps => Volatile.Read(ref _overlaps);

    public int Entries => Volatile.Read(ref _entries);

    public void Enter()
    {
        Interlocked.Increment(ref _entries);
        if (Interlocked.Increment(ref _active) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }
    }

    public void Exit() => Interlocked.Decrement(ref _active);
}
