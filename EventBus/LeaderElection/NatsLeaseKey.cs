using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>
/// The writes on a lease key. Every conditional write names the expected last sequence of the bucket's stream
/// (<c>Nats-Expected-Last-Sequence</c>), not the key's (<c>Nats-Expected-Last-Subject-Sequence</c>, what KV updates
/// use): nats-server 2.9 checks the per-subject condition on a clustered stream only before proposing the write, so
/// racing writes that expect the same revision can all be stored (nats-server issue 4320; on 2.9.10 here, six racing
/// writers on an R3 stream had several winners in 60 of 60 rounds), while the stream-level condition is checked
/// against the leader's own proposal sequence and admits exactly one (60 of 60). The lease's bucket holds only this
/// key, so the stream's last sequence is the key's revision.
/// </summary>
internal sealed class NatsLeaseKey(JetStreamContext jetStream, string bucket, string key)
{
    private const string OperationHeader = "KV-Operation";
    private const string DeleteMarker = "DEL";

    private readonly string _subject = KeyValueStore.SubjectPrefix(bucket) + key;

    /// <summary>Writes a lease record over revision <paramref name="expectedRevision"/> (a record or a release marker).</summary>
    /// <exception cref="KeyValueRevisionConflictException">The key moved past that revision.</exception>
    public Task<ulong> WriteAsync(ReadOnlyMemory<byte> record, ulong expectedRevision, CancellationToken cancellationToken) =>
        PublishAsync(record, null, new JetStreamPublishOptions { ExpectedLastSequence = expectedRevision }, expectedRevision, cancellationToken);

    /// <summary>Releases the lease with a delete marker, only on top of <paramref name="expectedRevision"/>.</summary>
    /// <exception cref="KeyValueRevisionConflictException">The key moved past that revision.</exception>
    public Task<ulong> ReleaseAsync(ulong expectedRevision, CancellationToken cancellationToken) =>
        PublishAsync(ReadOnlyMemory<byte>.Empty, Marker(), new JetStreamPublishOptions { ExpectedLastSequence = expectedRevision }, expectedRevision, cancellationToken);

    /// <summary>
    /// Gives a never-written key its first entry, a release marker, so that claims always have a revision to name.
    /// Racing candidates may store several markers (see above), which is harmless: each one only says "free".
    /// </summary>
    /// <exception cref="KeyValueRevisionConflictException">The key has an entry already.</exception>
    public Task<ulong> InitializeAsync(CancellationToken cancellationToken) =>
        PublishAsync(ReadOnlyMemory<byte>.Empty, Marker(), new JetStreamPublishOptions { ExpectedLastSubjectSequence = 0 }, 0, cancellationToken);

    private static NatsHeaders Marker() => new NatsHeaders(1).Add(OperationHeader, DeleteMarker);

    private async Task<ulong> PublishAsync(ReadOnlyMemory<byte> data, NatsHeaders? headers, JetStreamPublishOptions options, ulong expected, CancellationToken cancellationToken)
    {
        try
        {
            var ack = await jetStream.PublishAsync(_subject, data, options, headers, cancellationToken).ConfigureAwait(false);
            return ack.Sequence;
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.WrongLastSequence)
        {
            throw new KeyValueRevisionConflictException(bucket, key, expected, e.TryGetCurrentSequence(out var current) ? current : null, e);
        }
    }
}
