using System.Diagnostics;
using System.Text.Json;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventBus.LeaderElection;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Watches the NATS KV lease of an EventSource (<c>eventsource-&lt;name&gt;</c>) and stamps every change with the
/// moment it arrived here, so a test can time a failover from its own clock: kill at t0, new holder seen at t1.
/// </summary>
public sealed class LeaseObserver : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly KeyValueWatcher _watcher;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<LeaseChange> _changes = [];
    private readonly Lock _gate = new();
    private readonly Task _reading;

    private LeaseObserver(KeyValueWatcher watcher, string bucket, string key)
    {
        _watcher = watcher;
        Bucket = bucket;
        Key = key;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>The lease's bucket.</summary>
    public string Bucket { get; }

    /// <summary>The lease's key.</summary>
    public string Key { get; }

    /// <summary>Every change seen so far, oldest first.</summary>
    public IReadOnlyList<LeaseChange> Changes
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes];
            }
        }
    }

    /// <summary>The holder as last seen; null when released or never taken.</summary>
    public string? Holder
    {
        get
        {
            lock (_gate)
            {
                return _changes.Count == 0 ? null : _changes[^1].Holder;
            }
        }
    }

    /// <summary>
    /// Starts watching the lease of <paramref name="eventSourceName"/>. The replicas create its bucket when they first
    /// campaign, so this waits up to <paramref name="within"/> for it to exist.
    /// </summary>
    public static async Task<LeaseObserver> StartAsync(EventBusClient bus, string eventSourceName, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var key = LeaseNames.ForEventSource(eventSourceName);
        var bucket = new NatsLeaseBucketOptions().BucketFor(key);
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                var store = await bus.KeyValue.GetStoreAsync(bucket);
                return new LeaseObserver(await store.WatchAsync(key), bucket, key);
            }
            catch (KeyValueBucketNotFoundException) when (Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// The first change at or after <paramref name="sinceTimestamp"/> (a <see cref="Stopwatch"/> timestamp) that
    /// satisfies <paramref name="predicate"/>; throws <see cref="TimeoutException"/> listing the changes seen.
    /// </summary>
    public async Task<LeaseChange> WaitForAsync(Func<LeaseChange, bool> predicate, long sinceTimestamp, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var match = Changes.FirstOrDefault(c => c.Timestamp >= sinceTimestamp && predicate(c));
            if (match is not null)
            {
                return match;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"The lease {Bucket}/{Key} did not reach the expected state within {within.TotalSeconds:0.#} s. Changes seen: {Describe()}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits for any holder and returns it.</summary>
    public async Task<string> WaitForHolderAsync(TimeSpan within) =>
        (await WaitForAsync(c => c.Holder is not null, 0, within)).Holder!;

    /// <summary>The changes seen, one per line, for assertion messages.</summary>
    public string Describe() =>
        string.Join(Environment.NewLine, Changes.Select(c => $"    rev {c.Revision} at {Stopwatch.GetElapsedTime(0, c.Timestamp).TotalSeconds:F3}: {c.Holder ?? "(released)"} acquired {c.Acquired}"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }

        await _watcher.DisposeAsync();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        await foreach (var entry in _watcher.ReadAllAsync(_stop.Token))
        {
            var change = Parse(entry, Stopwatch.GetTimestamp());
            lock (_gate)
            {
                _changes.Add(change);
            }
        }
    }

    // The record's shape is the elector's wire format: {"holder":…,"acquired":…,"renewed":…}.
    private static LeaseChange Parse(KeyValueEntry entry, long timestamp)
    {
        if (entry.Operation != KeyValueOperation.Put || entry.Value.IsEmpty)
        {
            return new LeaseChange(timestamp, entry.Revision, null, null);
        }

        using var record = JsonDocument.Parse(entry.Value);
        var holder = record.RootElement.TryGetProperty("holder", out var h) ? h.GetString() : null;
        var acquired = record.RootElement.TryGetProperty("acquired", out var a) ? a.GetString() : null;
        return new LeaseChange(timestamp, entry.Revision, string.IsNullOrEmpty(holder) ? null : holder, acquired);
    }
}
