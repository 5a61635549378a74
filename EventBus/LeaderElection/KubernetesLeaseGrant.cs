namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>A held Kubernetes lease: the object as the server last returned it, which the next PUT builds on.</summary>
/// <param name="Lease">The lease as last written by this replica.</param>
/// <param name="RequestedAt">Stopwatch timestamp taken before the write was sent.</param>
internal sealed record KubernetesLeaseGrant(KubernetesLease Lease, long RequestedAt)
    : LeaseGrant((ulong)Math.Max(Lease.LeaseTransitions, 0), Lease.ResourceVersion, RequestedAt);
