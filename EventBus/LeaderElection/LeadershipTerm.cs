namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>One stretch of leadership: the latest grant, and a signal raised when someone else is seen writing the lease.</summary>
internal sealed class LeadershipTerm(LeaseGrant grant)
{
    private readonly TaskCompletionSource _takenOver = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LeaseGrant _grant = grant;

    /// <summary>The latest grant of this term (replaced by every renewal).</summary>
    public LeaseGrant Grant
    {
        get => Volatile.Read(ref _grant);
        set => Volatile.Write(ref _grant, value);
    }

    /// <summary>The fencing token the term began with.</summary>
    public ulong FencingToken { get; } = grant.FencingToken;

    /// <summary>Set (under the elector's state lock) when the term is over; later renewals must not report leadership.</summary>
    public bool Ended { get; set; }

    /// <summary>Completes when another writer was seen on the lease.</summary>
    public Task TakenOver => _takenOver.Task;

    public void SignalTakenOver() => _takenOver.TrySetResult();
}
