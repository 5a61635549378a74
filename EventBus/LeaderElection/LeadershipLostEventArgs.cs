namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>This replica stopped being the leader.</summary>
/// <param name="reason">Why.</param>
/// <param name="fencingToken">The fencing token of the term that ended.</param>
public sealed class LeadershipLostEventArgs(LeadershipLossReason reason, ulong fencingToken) : EventArgs
{
    /// <summary>Why leadership ended.</summary>
    public LeadershipLossReason Reason { get; } = reason;

    /// <summary>The fencing token of the term that ended.</summary>
    public ulong FencingToken { get; } = fencingToken;
}
