namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// When a calendar event fires. Ticks are a pure function of the spec, never of when the source started, so every
/// replica computes the same ticks and a new leader can tell which ones the old one already published.
/// </summary>
public interface ITickSchedule
{
    /// <summary>The first tick strictly after <paramref name="after"/>, or null when the schedule never fires again.</summary>
    DateTimeOffset? Next(DateTimeOffset after);
}
