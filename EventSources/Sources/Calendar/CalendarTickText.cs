using System.Globalization;

namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// A tick as RFC 3339 UTC text (<c>2024-01-02T03:04:00Z</c>, a fraction only when there is one): the happening key of
/// the event id and the value kept in the KV bucket.
/// </summary>
public static class CalendarTickText
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>Writes the tick.</summary>
    public static string Write(DateTimeOffset tick) => tick.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads text written by <see cref="Write"/>; false when it is something else.</summary>
    public static bool TryRead(string text, out DateTimeOffset tick)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            tick = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }

        tick = default;
        return false;
    }
}
