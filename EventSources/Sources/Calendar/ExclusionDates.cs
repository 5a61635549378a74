using System.Globalization;

namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// Argo's <c>exclusionDates</c>: entries <c>EXDATE:20190102T150405Z[,…]</c> (RFC 5545 date-times in UTC). Only the
/// year, month and day count, compared with the tick's date in the schedule's time zone. Entries without the
/// <c>EXDATE:</c> prefix are ignored, as Argo ignores them.
/// </summary>
public sealed class ExclusionDates
{
    private const string Prefix = "EXDATE:";
    private const string DateTimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly HashSet<DateOnly> _days;

    private ExclusionDates(HashSet<DateOnly> days, IReadOnlyList<int> ignoredEntries)
    {
        _days = days;
        IgnoredEntries = ignoredEntries;
    }

    /// <summary>No excluded day.</summary>
    public static ExclusionDates None { get; } = new([], []);

    /// <summary>The excluded days.</summary>
    public IReadOnlyCollection<DateOnly> Days => _days;

    /// <summary>Indexes of the entries ignored because they lack the <c>EXDATE:</c> prefix.</summary>
    public IReadOnlyList<int> IgnoredEntries { get; }

    /// <summary>Reads the entries; <paramref name="fieldPath"/> names them in errors.</summary>
    /// <exception cref="FormatException">An entry is malformed; the message names it by index.</exception>
    public static ExclusionDates Parse(IReadOnlyList<string> entries, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var days = new HashSet<DateOnly>();
        var ignored = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!entry.StartsWith(Prefix, StringComparison.Ordinal))
            {
                ignored.Add(i);
                continue;
            }

            foreach (var value in entry[Prefix.Length..].Split(','))
            {
                if (!DateTime.TryParseExact(value, DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                {
                    throw new FormatException($"{fieldPath}[{i}]: '{value}' is not an RFC 5545 UTC date-time such as EXDATE:20190102T150405Z.");
                }

                days.Add(DateOnly.FromDateTime(date));
            }
        }

        return new ExclusionDates(days, ignored);
    }

    /// <summary>Whether <paramref name="instant"/> falls on an excluded day in <paramref name="zone"/>.</summary>
    public bool Excludes(DateTimeOffset instant, TimeZoneInfo zone)
        => _days.Count > 0 && _days.Contains(DateOnly.FromDateTime(ZoneClock.WallClock(instant, zone)));
}
