namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>This replica became the leader.</summary>
/// <param name="state">The state at that moment.</param>
public sealed class LeadershipGainedEventArgs(LeaderElectionState state) : EventArgs
{
    /// <summary>The state at that moment: leading, with the new term's fencing token.</summary>
    public LeaderElectionState State { get; } = state;
}
