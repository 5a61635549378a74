using System.Runtime.CompilerServices;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.KeyValue;

/// <summary>
/// A key-value bucket (ADR-8): each key is the subject <c>$KV.&lt;bucket&gt;.&lt;key&gt;</c> of the stream
/// <c>KV_&lt;bucket&gt;</c>, and a key's revision is the stream sequence of its latest write.
/// </summary>
public sealed class KeyValueStore
{
    private const string OperationHeader = "KV-Operation";
    private const string DeleteMarker = "DEL";
    private const string PurgeMarker = "PURGE";

    private readonly JetStreamContext _jetStream;
    private readonly bool _allowDirect;
    private readonly string _subjectPrefix;
    private readonly string _streamName;

    internal KeyValueStore(JetStreamContext jetStream, string bucket, bool allowDirect)
    {
        _jetStream = jetStream;
        _allowDirect = allowDirect;
        Bucket = bucket;
        _subjectPrefix = SubjectPrefix(bucket);
        _streamName = StreamName(bucket);
    }

    /// <summary>The bucket name.</summary>
    public string Bucket { get; }

    /// <summary>
    /// The current value of a key. Reads any replica when the bucket allows direct gets, so right after a write on
    /// another connection a follower may still return the previous revision.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entry, or null when the key has no value (never written, deleted or purged).</returns>
    public async Task<KeyValueEntry?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidKey(key);
        var entry = await GetLatestAsync(key, consistent: false, cancellationToken).ConfigureAwait(false);
        return entry is { Operation: KeyValueOperation.Put } ? entry : null;
    }

    /// <summary>
    /// The current value of a key as the stream leader has it: slower than <see cref="GetAsync"/> on a replicated
    /// bucket, but never older than a write acknowledged before the call (what a new leader needs to resume).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entry, or null when the key has no value (never written, deleted or purged).</returns>
    public async Task<KeyValueEntry?> GetConsistentAsync(string key, CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidKey(key);
        var entry = await GetLatestAsync(key, consistent: true, cancellationToken).ConfigureAwait(false);
        return entry is { Operation: KeyValueOperation.Put } ? entry : null;
    }

    /// <summary>Writes a value, whatever the key's current revision.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new revision.</returns>
    public async Task<ulong> PutAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidKey(key);
        var ack = await _jetStream.PublishAsync(_subjectPrefix + key, value, null, null, cancellationToken).ConfigureAwait(false);
        return ack.Sequence;
    }

    /// <summary>
    /// Writes a value only when the key has none: never written, or its latest entry is a delete or purge marker.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new revision.</returns>
    /// <exception cref="KeyValueRevisionConflictException">The key has a value; <see cref="KeyValueRevisionConflictException.CurrentRevision"/> says which.</exception>
    public async Task<ulong> CreateAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidKey(key);
        try
        {
            return await WriteAsync(key, value, 0, null, cancellationToken).ConfigureAwait(false);
        }
        catch (JetStreamApiException first) when (first.ErrorCode == JetStreamErrorCode.WrongLastSequence)
        {
            // The subject has history. A marker on top means "no value": write over it, expecting exactly that marker.
            var latest = await GetLatestAsync(key, consistent: true, cancellationToken).ConfigureAwait(false);
            if (latest is { Operation: KeyValueOperation.Put })
            {
                throw new KeyValueRevisionConflictException(Bucket, key, 0, latest.Revision, first);
            }

            var expected = latest?.Revision ?? 0;
            try
            {
                return await WriteAsync(key, value, expected, null, cancellationToken).ConfigureAwait(false);
            }
            catch (JetStreamApiException second) when (second.ErrorCode == JetStreamErrorCode.WrongLastSequence)
            {
                // Someone else wrote in between.
                throw new KeyValueRevisionConflictException(Bucket, key, 0, CurrentRevision(second), second);
            }
        }
    }

    /// <summary>Writes a value only when the key's latest revision is <paramref name="expectedRevision"/> (compare-and-set).</summary>
    /// <remarks>
    /// On nats-server 2.9 a replicated (R3) bucket was observed here to accept more than one of several writers racing with
    /// the same expected revision; single-server buckets do not. Where exclusivity matters on a cluster, keep one key per
    /// bucket and expect the stream's last sequence instead, as <c>NatsKeyValueLeaderElector</c> does.
    /// </remarks>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="expectedRevision">The revision the caller last saw.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new revision.</returns>
    /// <exception cref="KeyValueRevisionConflictException">The key moved on; <see cref="KeyValueRevisionConflictException.CurrentRevision"/> says where.</exception>
    public Task<ulong> UpdateAsync(string key, ReadOnlyMemory<byte> value, ulong expectedRevision, CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidKey(key);
        ArgumentOutOfRangeException.ThrowIfZero(expectedRevision);
        return ConditionalWriteAsync(key, value, expectedRevision, null, cancellationToken);
    }

    /// <summary>Deletes a key, keeping its history, by writing a delete marker.</summary>
    /// <param name="key">The key.</param>
    /// <param name="expectedRevision">When set, delete only if this is the key's latest revision.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The revision of the marker.</returns>
    /// <exception cref="KeyValueRevisionConflictException">An expected revision was given and the key moved on.</exception>
    public Task<ulong> DeleteAsync(string key, ulong? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidKey(key);
        var headers = new NatsHeaders(1).Add(OperationHeader, DeleteMarker);
        return ConditionalWriteAsync(key, ReadOnlyMemory<byte>.Empty, expectedRevision, headers, cancellationToken);
    }

    /// <summary>Purges a key: writes a purge marker and removes every older revision.</summary>
    /// <param name="key">The key.</param>
    /// <param name="expectedRevision">When set, purge only if this is the key's latest revision.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The revision of the marker.</returns>
    /// <exception cref="KeyValueRevisionConflictException">An expected revision was given and the key moved on.</exception>
    public Task<ulong> PurgeAsync(string key, ulong? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidKey(key);
        var headers = new NatsHeaders(2).Add(OperationHeader, PurgeMarker).Add(JetStreamHeaders.Rollup, "sub");
        return ConditionalWriteAsync(key, ReadOnlyMemory<byte>.Empty, expectedRevision, headers, cancellationToken);
    }

    /// <summary>Lists the keys that have a value.</summary>
    /// <param name="filter">Which keys: a key, or a pattern with '*' tokens and a final '&gt;'.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The keys.</returns>
    public async IAsyncEnumerable<string> GetKeysAsync(string filter = ">", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidKeyFilter(filter, nameof(filter));
        var consumer = await StartConsumerAsync(filter, new KeyValueWatchOptions { MetaOnly = true }, cancellationToken).ConfigureAwait(false);
        await using (consumer.ConfigureAwait(false))
        {
            if (consumer.InitialPending == 0)
            {
                yield break;
            }

            while (await consumer.NextAsync(cancellationToken).ConfigureAwait(false) is { } msg)
            {
                var entry = ToEntry(msg);
                if (entry.Operation == KeyValueOperation.Put)
                {
                    yield return entry.Key;
                }

                if (entry.Delta == 0)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>Watches keys: their current values first, then every change.</summary>
    /// <param name="keys">A key, or a pattern with '*' tokens and a final '&gt;'.</param>
    /// <param name="options">History, updates only, markers, values.</param>
    /// <param name="cancellationToken">Cancels starting the watch.</param>
    /// <returns>The running watch; dispose it to stop.</returns>
    public async Task<KeyValueWatcher> WatchAsync(string keys = ">", KeyValueWatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        KeyValueNames.EnsureValidKeyFilter(keys, nameof(keys));
        options ??= new KeyValueWatchOptions();
        var consumer = await StartConsumerAsync(keys, options, cancellationToken).ConfigureAwait(false);
        return new KeyValueWatcher(this, consumer, options);
    }

    /// <summary>The bucket's stream: its settings and how many entries and bytes it holds.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stream information of <c>KV_&lt;bucket&gt;</c>.</returns>
    public Task<StreamInfo> GetStreamInfoAsync(CancellationToken cancellationToken = default) =>
        _jetStream.GetStreamInfoAsync(_streamName, null, cancellationToken);

    internal static string StreamName(string bucket) => "KV_" + bucket;

    internal static string SubjectPrefix(string bucket) => "$KV." + bucket + ".";

    internal KeyValueEntry ToEntry(JsMsg msg)
    {
        var metadata = msg.Metadata;
        return new KeyValueEntry(Bucket, KeyOf(msg.Subject), msg.Data, metadata.StreamSequence, metadata.Timestamp, metadata.NumPending, OperationOf(msg.Headers));
    }

    private Task<OrderedConsumer> StartConsumerAsync(string keys, KeyValueWatchOptions options, CancellationToken cancellationToken)
    {
        var policy = options.UpdatesOnly ? DeliverPolicy.New : options.IncludeHistory ? DeliverPolicy.All : DeliverPolicy.LastPerSubject;
        return _jetStream.CreateOrderedConsumerAsync(
            _streamName,
            new OrderedConsumerOptions
            {
                FilterSubject = _subjectPrefix + keys,
                DeliverPolicy = policy,
                HeadersOnly = options.MetaOnly,
                IdleHeartbeat = options.IdleHeartbeat,
            },
            cancellationToken);
    }

    private async Task<ulong> ConditionalWriteAsync(string key, ReadOnlyMemory<byte> value, ulong? expectedRevision, NatsHeaders? headers, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(key, value, expectedRevision, headers, cancellationToken).ConfigureAwait(false);
        }
        catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.WrongLastSequence && expectedRevision is { } expected)
        {
            throw new KeyValueRevisionConflictException(Bucket, key, expected, CurrentRevision(e), e);
        }
    }

    private async Task<ulong> WriteAsync(string key, ReadOnlyMemory<byte> value, ulong? expectedRevision, NatsHeaders? headers, CancellationToken cancellationToken)
    {
        var options = expectedRevision is { } expected ? new JetStreamPublishOptions { ExpectedLastSubjectSequence = expected } : null;
        var ack = await _jetStream.PublishAsync(_subjectPrefix + key, value, options, headers, cancellationToken).ConfigureAwait(false);
        return ack.Sequence;
    }

    private async Task<KeyValueEntry?> GetLatestAsync(string key, bool consistent, CancellationToken cancellationToken)
    {
        var subject = _subjectPrefix + key;
        StreamMessage? message = null;
        var read = false;
        if (_allowDirect && !consistent)
        {
            try
            {
                message = await _jetStream.DirectGetLastMessageAsync(_streamName, subject, cancellationToken).ConfigureAwait(false);
                read = true;
            }
            catch (NatsNoRespondersException)
            {
                // No replica serves direct gets right now (e.g. just after the bucket was created): ask the leader.
            }
        }

        if (!read)
        {
            message = await _jetStream.GetLastMessageAsync(_streamName, subject, cancellationToken).ConfigureAwait(false);
        }

        return message is null
            ? null
            : new KeyValueEntry(Bucket, key, message.Data, message.Sequence, message.Time, 0, OperationOf(message.Headers));
    }

    private static ulong? CurrentRevision(JetStreamApiException e) => e.TryGetCurrentSequence(out var current) ? current : null;

    private string KeyOf(string subject) =>
        subject.StartsWith(_subjectPrefix, StringComparison.Ordinal) ? subject[_subjectPrefix.Length..] : subject;

    private static KeyValueOperation OperationOf(NatsHeaders? headers)
    {
        if (headers is null || !headers.TryGetValue(OperationHeader, out var operation))
        {
            return KeyValueOperation.Put;
        }

        return operation switch
        {
            DeleteMarker => KeyValueOperation.Delete,
            PurgeMarker => KeyValueOperation.Purge,
            _ => KeyValueOperation.Put,
        };
    }
}
