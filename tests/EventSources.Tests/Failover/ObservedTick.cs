namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>One calendar event as it was published.</summary>
/// <param name="Timestamp">When it arrived here (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
/// <param name="Scheduled">The scheduled time it stands for (its payload's eventTime).</param>
/// <param name="Id">The CloudEvent id.</param>
public sealed record ObservedTick(long Timestamp, DateTimeOffset Scheduled, string Id);
