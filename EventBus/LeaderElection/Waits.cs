using System.Diagnostics;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>Small timing helpers of the election loops, on the monotonic <see cref="Stopwatch"/> clock.</summary>
internal static class Waits
{
    /// <summary>The timestamp <paramref name="span"/> after <paramref name="timestamp"/>.</summary>
    public static long After(long timestamp, TimeSpan span) => timestamp + (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Time left until <paramref name="timestamp"/>; zero or negative once it has passed.</summary>
    public static TimeSpan Until(long timestamp) => Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);

    /// <summary>Waits until <paramref name="signal"/> completes or <paramref name="delay"/> passes.</summary>
    /// <returns>True when the signal completed.</returns>
    public static async Task<bool> SignalOrDelayAsync(Task signal, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (signal.IsCompleted)
        {
            return true;
        }

        if (delay <= TimeSpan.Zero)
        {
            return false;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = Task.Delay(delay, timer.Token);
        var first = await Task.WhenAny(signal, elapsed).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == signal;
    }

    /// <summary>Marks a task whose result nobody needs any more as observed, so its failure is not reported as unobserved.</summary>
    public static void Forget(Task task) =>
        task.ContinueWith(
            static t => _ = t.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
