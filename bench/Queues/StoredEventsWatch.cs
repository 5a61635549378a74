using System.Diagnostics;
using ArgoEvents.EventBus.Bus;

namespace ArgoEvents.Bench.Queues;

/// <summary>
/// Counts what the bus stored: polls the <c>default</c> stream's last sequence (one source publishes at a time, and a
/// duplicate dropped by its message id takes no sequence) and stamps when the warm-up share of the events and the
/// last expected one were seen.
/// </summary>
public sealed class StoredEventsWatch(EventBusClient bus)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>The stream's last sequence now.</summary>
    public async Task<ulong> LastSequenceAsync() =>
        (await bus.JetStream.GetStreamInfoAsync(ArgoWireNames.StreamName)).State.LastSequence;

    /// <summary>
    /// Waits until <paramref name="count"/> events were stored after sequence <paramref name="from"/>; the first
    /// <paramref name="warmUp"/> of them only start the clock (and <paramref name="atMark"/> is called then).
    /// </summary>
    public async Task<StoredEvents> WaitForAsync(ulong from, int count, int warmUp, long startedAt, Action atMark, TimeSpan within)
    {
        long firstAt = 0, markAt = 0;
        ulong markCount = 0;
        while (true)
        {
            var stored = await LastSequenceAsync() - from;
            var now = Stopwatch.GetTimestamp();
            if (stored > 0 && firstAt == 0)
            {
                firstAt = now;
            }

            if (stored >= (ulong)warmUp && markAt == 0)
            {
                markAt = now;
                markCount = stored;
                atMark();
            }

            if (stored >= (ulong)count)
            {
                return new StoredEvents(count, startedAt, firstAt, markAt, (long)markCount, now);
            }

            if (Stopwatch.GetElapsedTime(startedAt, now) > within)
            {
                throw new TimeoutException($"only {stored:N0} of {count:N0} events reached the bus within {within.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval);
        }
    }
}

/// <summary>
/// A drain of <see cref="Count"/> events: when the service was started, when the first event was seen stored, when
/// the warm-up share was (and how many were stored by then), and when the last one was.
/// </summary>
public sealed record StoredEvents(int Count, long StartedAt, long FirstSeenAt, long MarkAt, long MarkCount, long DoneAt)
{
    /// <summary>Events per second after the warm-up share: start-up, connecting and the first JIT passes excluded.</summary>
    public double PerSecond => (Count - MarkCount) / Stopwatch.GetElapsedTime(MarkAt, DoneAt).TotalSeconds;

    /// <summary>Events per second from the first event stored.</summary>
    public double PerSecondFromFirst => Count / Stopwatch.GetElapsedTime(FirstSeenAt, DoneAt).TotalSeconds;

    /// <summary>Events per second from the service's start, start-up included.</summary>
    public double PerSecondWithStart => Count / Stopwatch.GetElapsedTime(StartedAt, DoneAt).TotalSeconds;

    /// <summary>Seconds from the service's start to the first stored event.</summary>
    public double StartSeconds => Stopwatch.GetElapsedTime(StartedAt, FirstSeenAt).TotalSeconds;

    /// <summary>Wall time of the measured part.</summary>
    public TimeSpan Measured => Stopwatch.GetElapsedTime(MarkAt, DoneAt);
}
