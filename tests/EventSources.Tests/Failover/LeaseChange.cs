namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>One revision of a lease key as a watcher saw it.</summary>
/// <param name="Timestamp">When it arrived here (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
/// <param name="Revision">The key's revision.</param>
/// <param name="Holder">The holder; null for a release marker.</param>
/// <param name="Acquired">When the holder's term began, as the holder wrote it.</param>
public sealed record LeaseChange(long Timestamp, ulong Revision, string? Holder, string? Acquired);
