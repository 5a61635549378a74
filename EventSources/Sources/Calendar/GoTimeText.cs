using System.Globalization;

namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// Instants written as Go's <c>time.Time.String()</c> writes them (layout
/// <c>2006-01-02 15:04:05.999999999 -0700 MST</c>): the wall clock of the zone, a fraction of a second only when there
/// is one and without trailing zeros, the numeric offset and the zone's abbreviation. This is the <c>eventTime</c>
/// of Argo's calendar payload, which sensors filter and parse.
/// </summary>
public static class GoTimeText
{
    /// <summary>Writes <paramref name="instant"/> as seen in <paramref name="zone"/>.</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var fraction = local.Ticks % TimeSpan.TicksPerSecond;
        var fractionText = fraction == 0
            ? string.Empty
            : "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{local:yyyy-MM-dd HH:mm:ss}{fractionText} {NumericOffset(local.Offset)} {TimeZoneAbbreviations.For(zone, instant)}");
    }

    /// <summary>Go's <c>-0700</c>: sign, hours and minutes of the offset.</summary>
    public static string NumericOffset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{(int)magnitude.TotalHours:00}{magnitude.Minutes:00}");
    }
}
