using System.Diagnostics;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventBus.Nats;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>
/// Leader election on a NATS KV key (reference/nats.md §3.3), alone in its own bucket
/// (<see cref="NatsLeaseBucketOptions.BucketFor"/>). The key's value is a lease record <c>{holder, acquired, renewed}</c>;
/// every write is a compare-and-set on the revision the writer last saw, made on the bucket stream's last sequence
/// because nats-server 2.9 does not serialize per-key compare-and-set on clustered streams (see <see cref="NatsLeaseKey"/>),
/// so two replicas can never both win. The leader renews every <see cref="LeaderElectionTiming.RenewInterval"/> and fences
/// itself when no renewal succeeded for <see cref="LeaderElectionTiming.RenewDeadline"/>. Every replica watches the
/// key: a delete marker (a graceful release) is claimed at once, another holder's write ends a leader's term at once,
/// and a revision that has not moved for <see cref="LeaderElectionTiming.LeaseDuration"/> on the candidate's own
/// monotonic clock is taken over with a compare-and-set on exactly that revision. The bucket has no TTL: on
/// nats-server 2.9 an expiry produces no watch event, so the candidates' clocks decide.
/// </summary>
public sealed partial class NatsKeyValueLeaderElector : LeaderElector
{
    private readonly NatsLeaseBucketOptions _bucket;
    private readonly KeyValueContext _keyValue;
    private readonly NatsLeaseKey _key;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _observationGate = new();
    private readonly TaskCompletionSource _firstLookDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _storeGate = new(1, 1);
    private KeyValueStore? _store;
    private Task? _watchLoop;
    private NatsLeaseObservation? _observed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the elector; it does nothing until <see cref="LeaderElector.RunAsync"/>.</summary>
    /// <param name="connection">The bus connection; the caller keeps owning it.</param>
    /// <param name="options">Lease name (the key), identity and timing, e.g. <see cref="LeaderElectionTiming.NatsKeyValueDefaults"/>.</param>
    /// <param name="bucket">Bucket prefix and replicas; by default <see cref="NatsLeaseBucketOptions.DefaultBucketPrefix"/> with one replica.</param>
    /// <exception cref="ArgumentException">The lease name is not a valid KV key, or a setting is invalid.</exception>
    public NatsKeyValueLeaderElector(NatsConnection connection, LeaderElectionOptions options, NatsLeaseBucketOptions? bucket = null)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        KeyValueNames.EnsureValidKey(options.LeaseName, nameof(options));
        _bucket = bucket ?? new NatsLeaseBucketOptions();
        _bucket.Validate();
        Bucket = _bucket.BucketFor(options.LeaseName);
        KeyValueNames.EnsureValidBucket(Bucket, nameof(options));
        var jetStream = new JetStreamContext(connection);
        _keyValue = new KeyValueContext(jetStream);
        _key = new NatsLeaseKey(jetStream, Bucket, options.LeaseName);
    }

    /// <summary>The bucket holding the lease (and nothing else).</summary>
    public string Bucket { get; }

    private protected override async Task<LeaseGrant> AcquireAsync(CancellationToken cancellationToken)
    {
        EnsureWatching();
        await _firstLookDone.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task changed;
            NatsLeaseObservation? seen;
            lock (_observationGate)
            {
                changed = _changed.Task;
                seen = _observed;
            }

            var wait = ClaimableIn(seen);
            if (wait <= TimeSpan.Zero)
            {
                try
                {
                    if (seen is null)
                    {
                        // Never written: give the key a release marker first, so the claim has a revision to name.
                        ObserveMarker(await _key.InitializeAsync(cancellationToken).ConfigureAwait(false));
                        continue;
                    }

                    return await ClaimAsync(seen, cancellationToken).ConfigureAwait(false);
                }
                catch (KeyValueRevisionConflictException conflict)
                {
                    // Someone else wrote first; what they wrote decides the next step. Should the refusal not say
                    // where the key is, wait for the watch rather than retry blindly.
                    failures = 0;
                    if (ObserveRevision(conflict.CurrentRevision))
                    {
                        continue;
                    }

                    wait = Timing.RetryPeriod;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    failures++;
                    LogClaimFailed(Logger, LeaseName, Identity, e.Message);
                    wait = Backoff(failures);
                }
            }

            await Waits.SignalOrDelayAsync(changed, wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private protected override async Task<LeaseGrant?> RenewAsync(LeaseGrant grant, CancellationToken cancellationToken)
    {
        var held = (NatsLeaseGrant)grant;
        var now = NatsLeaseRecord.Timestamp(DateTimeOffset.UtcNow);
        var value = new NatsLeaseRecord(Identity, held.Acquired, now).ToUtf8();
        var requestedAt = Stopwatch.GetTimestamp();
        try
        {
            var revision = await _key.WriteAsync(value, held.KeyRevision, cancellationToken).ConfigureAwait(false);
            return new NatsLeaseGrant(held.FencingToken, revision, held.Acquired, requestedAt);
        }
        catch (KeyValueRevisionConflictException conflict)
        {
            // An earlier renewal whose reply was lost may have been stored after all: that revision is still ours. Its
            // send time is unknown, so the fence keeps counting from the last confirmed renewal.
            if (conflict.CurrentRevision is { } current && IsOwnWrite(current, held))
            {
                return new NatsLeaseGrant(held.FencingToken, current, held.Acquired, held.RequestedAt);
            }

            ObserveRevision(conflict.CurrentRevision);
            return null;
        }
    }

    private protected override async Task ReleaseAsync(LeaseGrant grant, CancellationToken cancellationToken)
    {
        var revision = ((NatsLeaseGrant)grant).KeyRevision;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                // A delete marker, only on top of our own revision: candidates watching the key claim it at once.
                await _key.ReleaseAsync(revision, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (KeyValueRevisionConflictException)
            {
                // The key moved since the grant: someone else's claim, or this replica's own last renewal whose ack was
                // cut off by the stop. The watch shows which within milliseconds; release only what still names us.
                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
                var seen = Volatile.Read(ref _observed);
                if (seen is not { Known: true, Operation: KeyValueOperation.Put, Record: { } record }
                    || !string.Equals(record.Holder, Identity, StringComparison.Ordinal)
                    || seen.Revision == revision)
                {
                    return;
                }

                revision = seen.Revision;
            }
        }
    }

    private protected override async ValueTask DisposeResourcesAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (_watchLoop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }

        _lifetime.Dispose();
        _storeGate.Dispose();
    }

    /// <summary>How long until the lease may be claimed: zero when free, ours, or still for a whole lease duration.</summary>
    private TimeSpan ClaimableIn(NatsLeaseObservation? seen)
    {
        if (seen is null || seen.IsReleased)
        {
            return TimeSpan.Zero;
        }

        if (seen.Known && seen.Record is { } record && string.Equals(record.Holder, Identity, StringComparison.Ordinal))
        {
            // Our own lease from an earlier term (fenced, or a restart under the same pod name): nobody else can hold
            // it while that revision stands, so claiming it back is safe.
            return TimeSpan.Zero;
        }

        return Waits.Until(Waits.After(seen.SeenAt, Timing.LeaseDuration));
    }

    /// <summary>Writes a new term: a compare-and-set on the revision seen (a release marker, a stale or our own record).</summary>
    private async Task<NatsLeaseGrant> ClaimAsync(NatsLeaseObservation seen, CancellationToken cancellationToken)
    {
        var now = NatsLeaseRecord.Timestamp(DateTimeOffset.UtcNow);
        var value = new NatsLeaseRecord(Identity, now, now).ToUtf8();

        // A claim confirmed after the renew deadline is useless (the leader would fence at once), so bound it there.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timing.RenewDeadline);
        var requestedAt = Stopwatch.GetTimestamp();
        var revision = await _key.WriteAsync(value, seen.Revision, bounded.Token).ConfigureAwait(false);
        return new NatsLeaseGrant(revision, revision, now, requestedAt);
    }

    private bool IsOwnWrite(ulong revision, NatsLeaseGrant held)
    {
        lock (_observationGate)
        {
            return _observed is { Known: true, Operation: KeyValueOperation.Put, Record: { } record } seen
                && seen.Revision == revision
                && record.SameTermAs(Identity, held.Acquired);
        }
    }

    private void EnsureWatching()
    {
        lock (_observationGate)
        {
            _watchLoop ??= Task.Run(() => WatchLoopAsync(_lifetime.Token), CancellationToken.None);
        }
    }

    /// <summary>Follows the key for the elector's whole life, restarting the watch whenever it breaks.</summary>
    private async Task WatchLoopAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var store = await OpenStoreAsync(cancellationToken).ConfigureAwait(false);
                var watcher = await store.WatchAsync(LeaseName, cancellationToken: cancellationToken).ConfigureAwait(false);
                await using (watcher.ConfigureAwait(false))
                {
                    failures = 0;
                    MarkFirstLookDoneIf(watcher.InitialValuesDone.IsCompleted);
                    while (await watcher.NextAsync(cancellationToken).ConfigureAwait(false) is { } entry)
                    {
                        Apply(entry);
                        MarkFirstLookDoneIf(watcher.InitialValuesDone.IsCompleted);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                LogWatchFailed(Logger, LeaseName, e.Message);
            }

            try
            {
                await Task.Delay(Backoff(Math.Max(failures, 1)), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void MarkFirstLookDoneIf(bool done)
    {
        if (done)
        {
            _firstLookDone.TrySetResult();
        }
    }

    private void Apply(KeyValueEntry entry)
    {
        var record = entry.Operation == KeyValueOperation.Put ? NatsLeaseRecord.TryRead(entry.Value.Span) : null;
        lock (_observationGate)
        {
            var current = _observed;
            if (current is not null && (entry.Revision < current.Revision || (entry.Revision == current.Revision && current.Known)))
            {
                return;
            }

            // A revision first learnt from a refused write keeps the moment it was first seen.
            var seenAt = current is not null && current.Revision == entry.Revision ? current.SeenAt : Stopwatch.GetTimestamp();
            SetObserved(new NatsLeaseObservation(entry.Revision, entry.Operation, record, seenAt, Known: true));
        }

        ObserveHolder(record?.Holder);
        if (CurrentGrant is NatsLeaseGrant held
            && entry.Revision > held.KeyRevision
            && !(record is not null && record.SameTermAs(Identity, held.Acquired)))
        {
            ReportTakenOver(held.FencingToken);
        }
    }

    /// <summary>Records the release marker this replica wrote into a never-written key.</summary>
    private void ObserveMarker(ulong revision)
    {
        lock (_observationGate)
        {
            if (_observed is null || revision > _observed.Revision)
            {
                SetObserved(new NatsLeaseObservation(revision, KeyValueOperation.Delete, null, Stopwatch.GetTimestamp(), Known: true));
            }
        }
    }

    /// <summary>Records a revision learnt from a refused write, before the watch delivers its content.</summary>
    /// <returns>True when that changed what this replica knows.</returns>
    private bool ObserveRevision(ulong? revision)
    {
        lock (_observationGate)
        {
            if (revision is not { } known)
            {
                return false;
            }

            if (known == 0)
            {
                // The key has no entry at all any more (the stream was purged): it is free.
                var changed = _observed is not null;
                SetObserved(null);
                return changed;
            }

            if (_observed is null || known > _observed.Revision)
            {
                SetObserved(new NatsLeaseObservation(known, KeyValueOperation.Put, null, Stopwatch.GetTimestamp(), Known: false));
                return true;
            }

            return false;
        }
    }

    private void SetObserved(NatsLeaseObservation? observation)
    {
        _observed = observation;
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    private async Task<KeyValueStore> OpenStoreAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _store) is { } open)
        {
            return open;
        }

        await _storeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_store is null)
            {
                KeyValueStore store;
                try
                {
                    store = await _keyValue.CreateStoreAsync(_bucket.ToKeyValueConfig(LeaseName), cancellationToken).ConfigureAwait(false);
                }
                catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNameInUse)
                {
                    // The bucket exists with other settings (created by an operator, or with other replicas): use it as it is.
                    store = await _keyValue.GetStoreAsync(Bucket, cancellationToken).ConfigureAwait(false);
                }

                Volatile.Write(ref _store, store);
            }

            return _store;
        }
        finally
        {
            _storeGate.Release();
        }
    }

    /// <summary>The retry period, doubling with each consecutive failure up to the lease duration.</summary>
    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 10));
        var wait = Timing.RetryPeriod * factor;
        return wait < Timing.LeaseDuration ? wait : Timing.LeaseDuration;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease}: claim by {Identity} failed: {Reason}")]
    private static partial void LogClaimFailed(ILogger logger, string lease, string identity, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease}: watching the key failed: {Reason}; retrying")]
    private static partial void LogWatchFailed(ILogger logger, string lease, string reason);
}
