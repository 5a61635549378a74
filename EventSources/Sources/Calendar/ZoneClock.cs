namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>Wall-clock times of a time zone turned into instants, with the daylight-saving edge cases decided once.</summary>
internal static class ZoneClock
{
    /// <summary>
    /// The instant a wall-clock time of <paramref name="zone"/> names. A time skipped by a forward clock change is
    /// read with the offset in force before the change (02:30 on a spring-forward night becomes 03:30 daylight time,
    /// as Go's time.Date normalizes it); a time that occurs twice is its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime wallClock, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            var firstValid = wall;
            while (zone.IsInvalidTime(firstValid))
            {
                firstValid = firstValid.AddMinutes(1);
            }

            var change = new DateTimeOffset(firstValid, zone.GetUtcOffset(firstValid));
            var offsetBefore = zone.GetUtcOffset(change.AddTicks(-1));
            return new DateTimeOffset(wall, offsetBefore);
        }

        if (zone.IsAmbiguousTime(wall))
        {
            return new DateTimeOffset(wall, zone.GetAmbiguousTimeOffsets(wall).Max());
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    /// <summary>The wall-clock time of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateTime WallClock(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>The first instant of the day after the one <paramref name="instant"/> falls on in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfNextDay(DateTimeOffset instant, TimeZoneInfo zone) => ToInstant(WallClock(instant, zone).Date.AddDays(1), zone);
}
