namespace ArgoEvents.Sensors.Filters;

/// <summary>A dependency's <c>filters.time</c>: a daily window on the event's time.</summary>
/// <param name="Start">Window start, <c>HH:MM:SS</c>, inclusive.</param>
/// <param name="Stop">Window stop, <c>HH:MM:SS</c>, exclusive; before <paramref name="Start"/> means the window spans midnight.</param>
/// <param name="Timezone">IANA time zone the times are read in; empty means UTC.</param>
public sealed record TimeFilterSpec(string Start, string Stop, string? Timezone = null);
