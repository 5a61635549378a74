using System.Globalization;
using NCrontab;

namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// A 5-field cron schedule (minute hour day-of-month month day-of-week) read the way Argo's robfig/cron parser reads
/// it, evaluated with NCrontab: <c>?</c> means <c>*</c>; an optional <c>CRON_TZ=</c>/<c>TZ=</c> prefix names the zone
/// the fields are read in; and when both day fields are restricted a day matches either of them (robfig and
/// classic cron), where NCrontab alone would require both. No <c>@</c> descriptors: Argo's parser refuses them.
/// </summary>
public sealed class CronTickSchedule : ITickSchedule
{
    // robfig/cron gives up after five years without a match; so do we, and then the schedule never fires again.
    private const int SearchYears = 5;

    private readonly IReadOnlyList<CrontabSchedule> _alternatives;

    private CronTickSchedule(string expression, TimeZoneInfo zone, IReadOnlyList<CrontabSchedule> alternatives)
    {
        Expression = expression;
        Zone = zone;
        _alternatives = alternatives;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>The zone the fields are read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Parses <paramref name="expression"/>, read in <paramref name="zone"/> unless it names its own.</summary>
    /// <exception cref="FormatException">The expression is not a 5-field schedule; the message says what is wrong.</exception>
    public static CronTickSchedule Parse(string expression, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(zone);
        var text = expression.Trim();
        if (text.StartsWith("TZ=", StringComparison.Ordinal) || text.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            var zoneName = text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..(end < 0 ? text.Length : end)];
            zone = CalendarTimeZones.Find(zoneName) ?? throw new FormatException($"'{expression}' names the time zone '{zoneName}', which is not a known IANA time zone.");
            text = end < 0 ? string.Empty : text[(end + 1)..];
        }

        if (text.StartsWith('@'))
        {
            throw new FormatException($"'{expression}' uses a '@' descriptor, which Argo's schedule parser does not accept; write five cron fields.");
        }

        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            throw new FormatException($"'{expression}' must have exactly 5 fields (minute hour day-of-month month day-of-week), found {fields.Length}.");
        }

        fields = [.. fields.Select(QuestionMarkAsStar)];
        var eitherDay = !HasStar(fields[2]) && !HasStar(fields[4]);
        string[] variants = eitherDay
            ? [Join(fields, dayOfWeek: "*"), Join(fields, dayOfMonth: "*")]
            : [string.Join(' ', fields)];
        var schedules = new List<CrontabSchedule>(variants.Length);
        foreach (var variant in variants)
        {
            try
            {
                schedules.Add(CrontabSchedule.Parse(variant));
            }
            catch (CrontabException e)
            {
                throw new FormatException($"'{expression}' is not a valid schedule: {e.Message}", e);
            }
        }

        return new CronTickSchedule(expression, zone, schedules);
    }

    /// <inheritdoc />
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var wall = ZoneClock.WallClock(after, Zone);
        while (true)
        {
            var end = wall.AddYears(SearchYears);
            var candidate = _alternatives.Min(schedule => schedule.GetNextOccurrence(wall, end));
            if (candidate >= end)
            {
                return null;
            }

            // Wall-clock times repeated by a backward clock change can map to an instant not after 'after'.
            var instant = ZoneClock.ToInstant(candidate, Zone);
            if (instant > after)
            {
                return instant;
            }

            wall = candidate;
        }
    }

    private static string QuestionMarkAsStar(string field)
        => string.Join(',', field.Split(',').Select(part => part.StartsWith('?') ? "*" + part[1..] : part));

    /// <summary>
    /// Whether robfig marks the field as unrestricted: some list part is <c>*</c> with no step or a step of 1
    /// (<c>*/2</c> counts as restricted).
    /// </summary>
    private static bool HasStar(string field)
    {
        foreach (var part in field.Split(','))
        {
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            var range = slash < 0 ? part : part[..slash];
            if (range != "*")
            {
                continue;
            }

            if (slash < 0 || (int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step <= 1))
            {
                return true;
            }
        }

        return false;
    }

    private static string Join(string[] fields, string? dayOfMonth = null, string? dayOfWeek = null)
        => string.Join(' ', fields[0], fields[1], dayOfMonth ?? fields[2], fields[3], dayOfWeek ?? fields[4]);
}
