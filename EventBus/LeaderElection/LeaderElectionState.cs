namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>What an elector knows about its lease at one moment.</summary>
/// <param name="IsLeader">True while this replica holds the lease and has not fenced itself.</param>
/// <param name="LeaderIdentity">Who holds the lease as far as this replica knows; null when nobody does or it is not known yet.</param>
/// <param name="FencingToken">
/// While leading, a number that grows with every new term (the NATS KV revision that won the lease, or the
/// Kubernetes lease's <c>leaseTransitions</c>); writes done for the leader can carry it so that a deposed leader's
/// late writes can be told apart. 0 when not leading.
/// </param>
/// <param name="LeaseRevision">While leading, the lease's latest revision (KV revision or <c>resourceVersion</c>); null when not leading.</param>
public sealed record LeaderElectionState(bool IsLeader, string? LeaderIdentity, ulong FencingToken, string? LeaseRevision)
{
    /// <summary>The state before anything is known: not leading, leader unknown.</summary>
    public static LeaderElectionState Unknown { get; } = new(false, null, 0, null);
}
