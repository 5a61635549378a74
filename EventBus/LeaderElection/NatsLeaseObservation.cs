using ArgoEvents.EventBus.KeyValue;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>The latest revision of the lease key a replica has seen, and when (on its own monotonic clock) it first saw it.</summary>
/// <param name="Revision">The key's revision.</param>
/// <param name="Operation">Put, or a delete/purge marker (a released lease).</param>
/// <param name="Record">The value, when it is a lease record.</param>
/// <param name="SeenAt">Stopwatch timestamp of the first sight of this revision.</param>
/// <param name="Known">False when only the revision is known (from a refused write); the watch fills in the rest.</param>
internal sealed record NatsLeaseObservation(ulong Revision, KeyValueOperation Operation, NatsLeaseRecord? Record, long SeenAt, bool Known)
{
    /// <summary>True when the latest entry is a delete or purge marker: nobody holds the lease.</summary>
    public bool IsReleased => Known && Operation != KeyValueOperation.Put;
}
