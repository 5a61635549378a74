namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>Proof that this replica wrote the lease: what the next renewal must build on.</summary>
/// <param name="FencingToken">Grows with every new term; see <see cref="LeaderElectionState.FencingToken"/>.</param>
/// <param name="Revision">The lease revision the write produced.</param>
/// <param name="RequestedAt">
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp taken before the write was sent. Candidates start their
/// clocks only after they see the write, so fencing from this moment keeps the holder ahead of every candidate.
/// </param>
internal abstract record LeaseGrant(ulong FencingToken, string Revision, long RequestedAt);
