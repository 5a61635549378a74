using System.Diagnostics;
using System.Text.Json;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventBus.LeaderElection;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.Bench.EventSources;

/// <summary>
/// Stamps, on this process's clock, every change of a calendar EventSource's lease (who holds it) and every event it
/// publishes (a core subscription sees publications as they happen), so failovers can be timed from a kill.
/// </summary>
public sealed class CalendarLeaderWatch : IAsyncDisposable
{
    private readonly KeyValueWatcher _lease;
    private readonly NatsSubscription _ticks;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(long At, string? Holder)> _holders = [];
    private readonly List<long> _tickTimes = [];
    private readonly Lock _gate = new();
    private readonly Task _reading;

    private CalendarLeaderWatch(KeyValueWatcher lease, NatsSubscription ticks)
    {
        _lease = lease;
        _ticks = ticks;
        _reading = Task.WhenAll(Task.Run(ReadLeaseAsync), Task.Run(ReadTicksAsync));
    }

    public string? Holder
    {
        get
        {
            lock (_gate)
            {
                return _holders.Count == 0 ? null : _holders[^1].Holder;
            }
        }
    }

    public static async Task<CalendarLeaderWatch> StartAsync(EventBusClient bus, string eventSourceName)
    {
        var ticks = await bus.Connection.SubscribeAsync($"default.{eventSourceName}.>");
        await bus.Connection.FlushAsync();
        var key = LeaseNames.ForEventSource(eventSourceName);
        var bucket = new NatsLeaseBucketOptions().BucketFor(key);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var store = await bus.KeyValue.GetStoreAsync(bucket);
                return new CalendarLeaderWatch(await store.WatchAsync(key), ticks);
            }
            catch (KeyValueBucketNotFoundException) when (attempt < 300)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>When a holder other than <paramref name="previous"/> was first seen after <paramref name="since"/>.</summary>
    public Task<(long At, string? Holder)> WaitForNewHolderAsync(string? previous, long since, TimeSpan within) =>
        PollAsync(() =>
        {
            lock (_gate)
            {
                return _holders.FirstOrDefault(h => h.At >= since && h.Holder is not null && h.Holder != previous);
            }
        }, h => h.Holder is not null, within, "a new lease holder");

    /// <summary>When the first publication after <paramref name="since"/> arrived.</summary>
    public Task<long> WaitForTickAsync(long since, TimeSpan within) =>
        PollAsync(() =>
        {
            lock (_gate)
            {
                return _tickTimes.FirstOrDefault(t => t >= since);
            }
        }, t => t != 0, within, "a published tick");

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

        await _lease.DisposeAsync();
        await _ticks.DisposeAsync();
        _stop.Dispose();
    }

    private static async Task<T> PollAsync<T>(Func<T> read, Func<T, bool> found, TimeSpan within, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var value = read();
            if (found(value))
            {
                return value;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"No {what} within {within.TotalSeconds:0.#} s.");
            }

            await Task.Delay(2);
        }
    }

    private async Task ReadLeaseAsync()
    {
        await foreach (var entry in _lease.ReadAllAsync(_stop.Token))
        {
            var at = Stopwatch.GetTimestamp();
            string? holder = null;
            if (entry.Operation == KeyValueOperation.Put && !entry.Value.IsEmpty)
            {
                using var record = JsonDocument.Parse(entry.Value);
                holder = record.RootElement.TryGetProperty("holder", out var h) ? h.GetString() : null;
            }

            lock (_gate)
            {
                _holders.Add((at, string.IsNullOrEmpty(holder) ? null : holder));
            }
        }
    }

    private async Task ReadTicksAsync()
    {
        await foreach (var _ in _ticks.ReadAllAsync(_stop.Token))
        {
            var at = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                _tickTimes.Add(at);
            }
        }
    }
}
