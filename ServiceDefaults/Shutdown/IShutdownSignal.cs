namespace ArgoEvents.ServiceDefaults.Shutdown;

/// <summary>
/// Tells a service's code that shutdown has begun, and lets it register in-flight work that shutdown waits for
/// (up to the grace period). Readiness turns false at the same moment <see cref="IsStopping"/> turns true.
/// </summary>
public interface IShutdownSignal
{
    /// <summary>True once shutdown has begun (SIGTERM, Ctrl+C or a host stop); new work should be refused.</summary>
    bool IsStopping { get; }

    /// <summary>
    /// Cancelled when shutdown begins. Use it to stop taking new work (fetch loops, listeners), not to abort work
    /// already accepted: that work has <see cref="GracePeriod"/> to finish.
    /// </summary>
    CancellationToken Stopping { get; }

    /// <summary>How long in-flight work may still run after shutdown begins.</summary>
    TimeSpan GracePeriod { get; }

    /// <summary>How many units of work are registered and not yet finished.</summary>
    int InFlightCount { get; }

    /// <summary>
    /// Registers one unit of work; dispose the result when it is finished. Returns null when shutdown has begun:
    /// the caller should refuse the work (answer 503, nak the message) instead of starting it.
    /// </summary>
    InFlightWork? TryBeginWork();
}
