using System.Diagnostics;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Sends the numbers 0..<c>count - 1</c> through a publisher at a steady rate: every few milliseconds the batch that
/// keeps it on schedule, so a failover in the middle meets a flow, not a burst.
/// </summary>
public static class PacedPublishing
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    /// <summary>Publishes <paramref name="count"/> messages at <paramref name="perSecond"/>; returns how long it took.</summary>
    public static async Task<TimeSpan> RunAsync(INumberedPublisher publisher, int count, int perSecond, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var started = Stopwatch.GetTimestamp();
        var sent = 0;
        while (sent < count)
        {
            var due = (int)Math.Min(count, Math.Ceiling(Stopwatch.GetElapsedTime(started).TotalSeconds * perSecond));
            if (due > sent)
            {
                await publisher.PublishAsync(Enumerable.Range(sent, due - sent).ToArray(), cancellationToken);
                sent = due;
            }
            else
            {
                await Task.Delay(Tick, cancellationToken);
            }
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
