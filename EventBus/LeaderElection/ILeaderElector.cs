namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>
/// One replica's campaign for a lease: at most one replica holds it at a time and does the leader's work. Losing the
/// lease stops that work and puts the replica back in the race; it never ends the process.
/// </summary>
public interface ILeaderElector : IAsyncDisposable
{
    /// <summary>This replica's identity in the lease (the pod name).</summary>
    string Identity { get; }

    /// <summary>The lease this elector campaigns for, e.g. <c>eventsource-webhook</c>.</summary>
    string LeaseName { get; }

    /// <summary>The latest known state; safe to read from any thread.</summary>
    LeaderElectionState State { get; }

    /// <summary>True while this replica holds the lease and has not fenced itself.</summary>
    bool IsLeader { get; }

    /// <summary>Raised (on the election's own task) right after this replica became the leader.</summary>
    event EventHandler<LeadershipGainedEventArgs>? LeadershipGained;

    /// <summary>Raised (on the election's own task) right after this replica stopped being the leader.</summary>
    event EventHandler<LeadershipLostEventArgs>? LeadershipLost;

    /// <summary>
    /// Campaigns until cancelled or resigned. Each time this replica gains the lease it calls
    /// <paramref name="whileLeader"/> with a token that is cancelled the moment the lease is lost, taken over or
    /// fenced; then it campaigns again. When the work returns on its own the lease is released and this method
    /// returns; when the work throws, the lease is released and the exception propagates.
    /// </summary>
    /// <param name="whileLeader">The leader's work; it must stop when its token is cancelled.</param>
    /// <param name="cancellationToken">Stops the campaign; a held lease is released first, then this throws
    /// <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the campaign is over.</returns>
    Task RunAsync(Func<CancellationToken, Task> whileLeader, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops the running campaign gracefully: the leader's work is cancelled and awaited, then the lease is released
    /// at once so another replica takes over without waiting for it to expire. <see cref="RunAsync"/> then returns.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the campaign to end (the campaign still ends).</param>
    /// <returns>A task that completes when the campaign has ended.</returns>
    Task ResignAsync(CancellationToken cancellationToken = default);
}
