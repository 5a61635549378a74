using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Redis;
using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.RedisStream;

/// <summary>
/// One redisStream event: each stream is read through the consumer group on its own connection. On every (re)connect
/// the group is created if missing (from <c>$</c>, as Argo), then the consumer's own pending entries are read again
/// (those a crashed leader read under the same consumer name and never acknowledged), then entries pending on any
/// other consumer for longer than <see cref="RedisStreamSourceOptions.ClaimMinIdle"/> are claimed (XAUTOCLAIM), and
/// then new entries are read with XREADGROUP <c>&gt;</c>. An entry is acknowledged (XACK) only once the bus stored its
/// event; an entry whose publication failed stays pending and is read again at the next pending pass. Each event id
/// is derived from the stream and the entry id, so an entry published again after a failover is stored once.
/// </summary>
internal sealed partial class RedisStreamSource : IActiveSource
{
    private readonly RedisStreamSourceOptions _options;
    private readonly IEventDispatcher _dispatcher;
    private readonly ArgoEventsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the source.</summary>
    public RedisStreamSource(RedisStreamSourceOptions options, IEventDispatcher dispatcher, ArgoEventsMetrics metrics, TimeProvider time, ILogger<RedisStreamSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _dispatcher = dispatcher;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string EventName => _options.EventName;

    private string Endpoint => _options.Connection.Endpoint;

    private string Group => _options.ConsumerGroup;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A stream that cannot run ends the others too, so the runner restarts the event as a whole.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = _options.Streams.Select(stream => RunStreamGuardedAsync(stream, failed)).ToArray();
        await Task.WhenAll(readers).ConfigureAwait(false);
    }

    private async Task RunStreamGuardedAsync(string stream, CancellationTokenSource failed)
    {
        try
        {
            await RunStreamAsync(stream, failed.Token).ConfigureAwait(false);
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task RunStreamAsync(string stream, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                var connection = await RedisConnection.ConnectAsync(_options.Connection, cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    var created = await connection.CreateConsumerGroupAsync(stream, Group, "$", createStream: true, cancellationToken).ConfigureAwait(false);
                    LogReading(_logger, _options.EventSourceName, EventName, Endpoint, stream, Group, _options.Consumer, created);
                    attempt = 0;
                    await ReadAsync(connection, stream, cancellationToken).ConfigureAwait(false);
                }

                reason = "the connection closed";
            }
            catch (RedisAuthenticationException)
            {
                throw;
            }
            catch (RedisServerException e) when (e.ErrorCode == "NOGROUP" && !cancellationToken.IsCancellationRequested)
            {
                // The stream or group vanished (deleted, or a server restarted without persistence): create it again.
                reason = e.Message;
            }
            catch (RedisServerException e)
            {
                throw new InvalidOperationException($"Redis at {Endpoint} refused a command on stream '{stream}' (group '{Group}'): {e.Message}", e);
            }
            catch (RedisException e) when (!cancellationToken.IsCancellationRequested && e is RedisConnectionException or RedisProtocolException)
            {
                reason = e.Message;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var delay = RedisRetryDelay.After(Math.Max(1, attempt));
            LogConnectionLost(_logger, _options.EventSourceName, EventName, Endpoint, stream, reason, delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Pending first, then new entries, with a pending pass again every <see cref="RedisStreamSourceOptions.ClaimMinIdle"/>.
    /// The next read overlaps the publications of the batches before it (at most <see cref="BatchesInFlight"/>
    /// batches, each acknowledged once the bus stored its events); while any batch is in flight the read does not
    /// block, so the XACKs behind it on this connection are not held up, and the pending pass waits for every batch.
    /// </summary>
    private async Task ReadAsync(RedisConnection connection, string stream, CancellationToken cancellationToken)
    {
        var inFlight = new Queue<Task>();
        var limit = BatchesInFlight(_options.Count);
        try
        {
            var nextPendingPass = _time.GetUtcNow();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_time.GetUtcNow() >= nextPendingPass)
                {
                    // Entries still being published are this consumer's pending entries too: finish them before re-reading.
                    while (inFlight.Count > 0)
                    {
                        await inFlight.Dequeue().ConfigureAwait(false);
                    }

                    await ReadPendingAsync(connection, stream, cancellationToken).ConfigureAwait(false);
                    nextPendingPass = _time.GetUtcNow() + _options.ClaimMinIdle;
                }

                TimeSpan? block = inFlight.Count > 0
                    ? null
                    : TimeSpan.FromMilliseconds(Math.Clamp((nextPendingPass - _time.GetUtcNow()).TotalMilliseconds, 1, _options.Block.TotalMilliseconds));
                var entries = await connection.ReadGroupAsync(stream, Group, _options.Consumer, RedisStreamCommands.NewEntries, _options.Count, block, cancellationToken).ConfigureAwait(false);
                if (entries.Count > 0)
                {
                    inFlight.Enqueue(PublishAndAcknowledgeAsync(connection, stream, entries, cancellationToken));
                }

                if (inFlight.Count > 0 && (entries.Count == 0 || inFlight.Count >= limit))
                {
                    await inFlight.Dequeue().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // Leaving (connection lost, cancelled): what was not acknowledged stays pending and is read again.
            foreach (var batch in inFlight)
            {
                await batch.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Read batches in flight: at least two, and about 512 entries when reads are small.</summary>
    private static int BatchesInFlight(int count) => Math.Max(2, 512 / Math.Max(1, count));

    private async Task ReadPendingAsync(RedisConnection connection, string stream, CancellationToken cancellationToken)
    {
        var own = 0;
        var after = RedisStreamCommands.OwnPendingEntries;
        while (true)
        {
            var entries = await connection.ReadGroupAsync(stream, Group, _options.Consumer, after, _options.Count, null, cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                break;
            }

            own += entries.Count;
            await PublishAndAcknowledgeAsync(connection, stream, entries, cancellationToken).ConfigureAwait(false);
            after = entries[^1].Id;
        }

        var claimed = 0;
        var start = "0-0";
        do
        {
            var result = await connection.AutoClaimAsync(stream, Group, _options.Consumer, _options.ClaimMinIdle, start, _options.Count, cancellationToken).ConfigureAwait(false);
            if (result.Entries.Count > 0)
            {
                claimed += result.Entries.Count;
                await PublishAndAcknowledgeAsync(connection, stream, result.Entries, cancellationToken).ConfigureAwait(false);
            }

            start = result.NextStartId;
        }
        while (start != "0-0");

        if (own + claimed > 0)
        {
            LogPendingRead(_logger, _options.EventSourceName, EventName, stream, own, claimed);
        }
    }

    private async Task PublishAndAcknowledgeAsync(RedisConnection connection, string stream, IReadOnlyList<RedisStreamEntry> entries, CancellationToken cancellationToken)
    {
        // Publications of one read run together (the bus keeps them in order); each waits for its JetStream ack.
        var published = new Task<bool>[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            published[i] = PublishAsync(stream, entries[i], cancellationToken);
        }

        var results = await Task.WhenAll(published).ConfigureAwait(false);
        var acknowledge = new List<string>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (results[i])
            {
                acknowledge.Add(entries[i].Id);
            }
        }

        if (acknowledge.Count > 0)
        {
            await connection.AcknowledgeAsync(stream, Group, acknowledge, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes one entry; true when the bus stored it (or there is nothing to publish), so it may be acknowledged.</summary>
    private async Task<bool> PublishAsync(string stream, RedisStreamEntry entry, CancellationToken cancellationToken)
    {
        if (entry.IsDeleted)
        {
            // A pending entry trimmed or deleted before it was published has no content left to publish.
            LogDeleted(_logger, _options.EventSourceName, EventName, stream, entry.Id);
            return true;
        }

        var started = _time.GetTimestamp();
        try
        {
            var payload = RedisStreamPayload.Build(stream, entry, _options.Metadata);
            var id = EventIds.Derived(_options.EventSourceName, EventName, $"{stream}/{entry.Id}");
            await _dispatcher.DispatchAsync(EventName, payload, id, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The entry stays pending and is published again at the next pending pass.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _metrics.EventProcessingFailed(_options.EventSourceName, EventName);
            LogPublishFailed(_logger, e, _options.EventSourceName, EventName, stream, entry.Id);
            return false;
        }
        finally
        {
            _metrics.EventProcessingDuration(_options.EventSourceName, EventName, _time.GetElapsedTime(started));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis stream {EventSource}.{EventName}: reading {Stream} at {Endpoint} in group {Group} as {Consumer} (group created: {Created})")]
    private static partial void LogReading(ILogger logger, string eventSource, string eventName, string endpoint, string stream, string group, string consumer, bool created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis stream {EventSource}.{EventName}: {Stream}: re-read {Own} own pending entries and claimed {Claimed} from other consumers")]
    private static partial void LogPendingRead(ILogger logger, string eventSource, string eventName, string stream, int own, int claimed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis stream {EventSource}.{EventName}: reading {Stream} at {Endpoint} stopped ({Reason}); connecting again in {DelayMs} ms")]
    private static partial void LogConnectionLost(ILogger logger, string eventSource, string eventName, string endpoint, string stream, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis stream {EventSource}.{EventName}: pending entry {Stream}/{EntryId} was deleted before it was published; acknowledging it")]
    private static partial void LogDeleted(ILogger logger, string eventSource, string eventName, string stream, string entryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Redis stream {EventSource}.{EventName}: publishing entry {Stream}/{EntryId} failed; it stays pending")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string eventSource, string eventName, string stream, string entryId);
}
