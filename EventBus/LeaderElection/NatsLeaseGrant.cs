using System.Globalization;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>A held NATS lease: the key's revision this replica wrote, and the term it belongs to.</summary>
/// <param name="FencingToken">The revision that won the lease (it only grows, term after term).</param>
/// <param name="KeyRevision">The key's revision after the latest write; the next renewal expects it.</param>
/// <param name="Acquired">The term's start as written in the value; it tells our own writes from others'.</param>
/// <param name="RequestedAt">Stopwatch timestamp taken before the write was sent.</param>
internal sealed record NatsLeaseGrant(ulong FencingToken, ulong KeyRevision, string Acquired, long RequestedAt)
    : LeaseGrant(FencingToken, KeyRevision.ToString(CultureInfo.InvariantCulture), RequestedAt);
