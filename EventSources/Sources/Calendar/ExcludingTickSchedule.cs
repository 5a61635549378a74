namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>A schedule whose ticks on excluded days (in the event's time zone) do not fire.</summary>
public sealed class ExcludingTickSchedule : ITickSchedule
{
    private readonly ITickSchedule _inner;
    private readonly ExclusionDates _exclusions;
    private readonly TimeZoneInfo _zone;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ExcludingTickSchedule(ITickSchedule inner, ExclusionDates exclusions, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(exclusions);
        ArgumentNullException.ThrowIfNull(zone);
        _inner = inner;
        _exclusions = exclusions;
        _zone = zone;
    }

    /// <inheritdoc />
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var tick = _inner.Next(after);
        while (tick is { } candidate && _exclusions.Excludes(candidate, _zone))
        {
            // Jump to the end of the excluded day at once: a one-second interval would otherwise step 86,400 times.
            tick = _inner.Next(ZoneClock.StartOfNextDay(candidate, _zone).AddTicks(-1));
        }

        return tick;
    }
}
