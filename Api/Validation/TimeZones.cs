namespace ArgoEvents.Api.Validation;

/// <summary>Checks time zone names the way Go's <c>time.LoadLocation</c> accepts them: IANA names, <c>UTC</c> and <c>Local</c>.</summary>
internal static class TimeZones
{
    /// <summary>Null when the zone is known; otherwise why not.</summary>
    public static string? Problem(string zone) =>
        zone is "UTC" or "Local" || TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)
            ? null
            : $"'{zone}' is not a known IANA time zone (such as Europe/Paris or America/New_York)";
}
