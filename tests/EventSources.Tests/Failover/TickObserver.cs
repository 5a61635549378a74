using System.Diagnostics;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Subscribes (core NATS) to an EventSource's subjects and stamps each published event with the moment it arrived
/// here. It sees every publication, also those the stream then drops as duplicates, so it times when a leader
/// published; what the stream kept is read from the stream itself.
/// </summary>
public sealed class TickObserver : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly NatsSubscription _subscription;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ObservedTick> _ticks = [];
    private readonly Lock _gate = new();
    private readonly Task _reading;

    private TickObserver(NatsSubscription subscription)
    {
        _subscription = subscription;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Every publication seen so far, in arrival order.</summary>
    public IReadOnlyList<ObservedTick> Ticks
    {
        get
        {
            lock (_gate)
            {
                return [.. _ticks];
            }
        }
    }

    /// <summary>Subscribes to <c>default.&lt;eventSourceName&gt;.&gt;</c> on <paramref name="connection"/>.</summary>
    public static async Task<TickObserver> StartAsync(NatsConnection connection, string eventSourceName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var subscription = await connection.SubscribeAsync($"default.{eventSourceName}.>");
        await connection.FlushAsync();
        return new TickObserver(subscription);
    }

    /// <summary>
    /// The first publication that arrived at or after <paramref name="sinceTimestamp"/> (a <see cref="Stopwatch"/>
    /// timestamp) and satisfies <paramref name="predicate"/> (any when null); throws <see cref="TimeoutException"/>.
    /// </summary>
    public async Task<ObservedTick> WaitForAsync(long sinceTimestamp, TimeSpan within, Func<ObservedTick, bool>? predicate = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var match = Ticks.FirstOrDefault(t => t.Timestamp >= sinceTimestamp && (predicate is null || predicate(t)));
            if (match is not null)
            {
                return match;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"No matching event was published within {within.TotalSeconds:0.#} s; {Ticks.Count} seen in all, the last at {Ticks.LastOrDefault()?.Scheduled:HH:mm:ss.fff}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits until <paramref name="count"/> more publications arrived after <paramref name="sinceTimestamp"/>; returns the last of them.</summary>
    public async Task<ObservedTick> WaitForCountAsync(long sinceTimestamp, int count, TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var after = Ticks.Where(t => t.Timestamp >= sinceTimestamp).ToList();
            if (after.Count >= count)
            {
                return after[count - 1];
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"{after.Count} of {count} events were published within {within.TotalSeconds:0.#} s.");
            }

            await Task.Delay(PollInterval);
        }
    }

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

        await _subscription.DisposeAsync();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        await foreach (var msg in _subscription.ReadAllAsync(_stop.Token))
        {
            var arrived = Stopwatch.GetTimestamp();
            var cloudEvent = CloudEventJsonFormat.Parse(msg.Data.ToArray());
            var tick = new ObservedTick(arrived, CalendarEventTime.FromPayload(cloudEvent.Data), cloudEvent.Id);
            lock (_gate)
            {
                _ticks.Add(tick);
            }
        }
    }
}
