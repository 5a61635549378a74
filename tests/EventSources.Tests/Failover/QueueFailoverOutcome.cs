namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>What one queue failover run measured.</summary>
/// <param name="Killed">The replica that held the lease and was killed.</param>
/// <param name="Successor">The replica that took the lease after the kill.</param>
/// <param name="KillToNewLeader">From the SIGKILL to the successor's lease write arriving here.</param>
/// <param name="StoredAtKill">Distinct messages stored when the leader was killed.</param>
/// <param name="SentAtKill">Messages the broker had taken when the leader was killed.</param>
/// <param name="PublishDuration">How long sending every message took.</param>
/// <param name="Duration">From the first message sent to the last event stored.</param>
/// <param name="Publications">Publications seen on the subject, duplicates the stream dropped included.</param>
/// <param name="Audit">What the stream kept.</param>
/// <param name="SuccessorNotes">The successor's log lines about what it read again (pending entries, redeliveries).</param>
public sealed record QueueFailoverOutcome(
    string Killed,
    string Successor,
    TimeSpan KillToNewLeader,
    int StoredAtKill,
    int SentAtKill,
    TimeSpan PublishDuration,
    TimeSpan Duration,
    int Publications,
    NumberedAudit Audit,
    IReadOnlyList<string> SuccessorNotes)
{
    /// <summary>Messages published to the bus more than once (re-read after the failover), as the subject showed them.</summary>
    public int Republished => Publications - Audit.Stored;

    /// <summary>The figures on one line.</summary>
    public override string ToString() =>
        $"killed {Killed} with {SentAtKill} of {Audit.Expected} sent and {StoredAtKill} stored; {Successor} held the lease {KillToNewLeader.TotalSeconds:F3} s later; "
        + $"published in {PublishDuration.TotalSeconds:F2} s, all stored after {Duration.TotalSeconds:F2} s; "
        + $"{Publications} publications, {Republished} re-published and dropped by the bus; {Audit}"
        + (SuccessorNotes.Count == 0 ? string.Empty : $"; successor: {string.Join(" | ", SuccessorNotes)}");
}
