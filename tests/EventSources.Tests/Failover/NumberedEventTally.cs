using System.Diagnostics;
using System.Text.Json;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventBus.JetStream;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Reads every event the bus stream stores on one subject, from the start of the stream, with an ordered consumer,
/// and counts how often each message number (taken from the event data by the given reader) was stored. What the
/// stream dropped as a duplicate never shows up here; that is the point.
/// </summary>
public sealed class NumberedEventTally : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private readonly OrderedConsumer _consumer;
    private readonly Func<JsonElement, int> _numberOf;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<int, int> _times = [];
    private readonly Lock _gate = new();
    private readonly Task _reading;
    private int _unreadable;
    private int _stored;
    private long _lastStoredTimestamp;

    private NumberedEventTally(OrderedConsumer consumer, Func<JsonElement, int> numberOf)
    {
        _consumer = consumer;
        _numberOf = numberOf;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>How many distinct numbers were stored so far.</summary>
    public int Distinct
    {
        get
        {
            lock (_gate)
            {
                return _times.Count;
            }
        }
    }

    /// <summary>How many events were stored so far (duplicates and unreadable ones included).</summary>
    public int Stored => Volatile.Read(ref _stored);

    /// <summary>When the newest event arrived here (<see cref="Stopwatch"/> timestamp); 0 before the first.</summary>
    public long LastStoredTimestamp => Interlocked.Read(ref _lastStoredTimestamp);

    /// <summary>
    /// Starts reading <paramref name="subject"/> of the <c>default</c> stream; the replicas create the stream when they
    /// start, so this waits up to <paramref name="within"/> for it. <paramref name="numberOf"/> reads the message number
    /// from an event's data.
    /// </summary>
    public static async Task<NumberedEventTally> StartAsync(EventBusClient bus, string subject, Func<JsonElement, int> numberOf, TimeSpan within)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(numberOf);
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                var consumer = await bus.JetStream.CreateOrderedConsumerAsync(ArgoWireNames.StreamName, new OrderedConsumerOptions { FilterSubject = subject });
                return new NumberedEventTally(consumer, numberOf);
            }
            catch (JetStreamApiException e) when (e.ErrorCode == JetStreamErrorCode.StreamNotFound && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> distinct numbers were stored; false when <paramref name="within"/> passed first.</summary>
    public async Task<bool> WaitForDistinctAsync(int count, TimeSpan within, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (Distinct < count)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return true;
    }

    /// <summary>Audits what was stored so far against the numbers 0..<paramref name="expected"/> - 1.</summary>
    public NumberedAudit Audit(int expected)
    {
        lock (_gate)
        {
            return NumberedAudit.Of(new Dictionary<int, int>(_times), expected, _unreadable);
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

        await _consumer.DisposeAsync();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        await foreach (var msg in _consumer.ReadAllAsync(_stop.Token))
        {
            var number = TryNumberOf(msg.Data);
            lock (_gate)
            {
                if (number is { } n)
                {
                    _times[n] = _times.GetValueOrDefault(n) + 1;
                }
                else
                {
                    _unreadable++;
                }
            }

            Interlocked.Increment(ref _stored);
            Interlocked.Exchange(ref _lastStoredTimestamp, Stopwatch.GetTimestamp());
        }
    }

    private int? TryNumberOf(ReadOnlyMemory<byte> stored)
    {
        try
        {
            var cloudEvent = CloudEventJsonFormat.Parse(stored);
            using var data = JsonDocument.Parse(cloudEvent.Data);
            return _numberOf(data.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
