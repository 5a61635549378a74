namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>Time zones by the names Go's time.LoadLocation accepts: IANA names, <c>UTC</c> and <c>Local</c>.</summary>
internal static class CalendarTimeZones
{
    /// <summary>The zone, or null when the name is unknown.</summary>
    public static TimeZoneInfo? Find(string name) => name switch
    {
        "" or "UTC" => TimeZoneInfo.Utc,
        "Local" => TimeZoneInfo.Local,
        _ => TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null,
    };
}
