using ArgoEvents.Api.V1Alpha1;
using NCrontab;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// One <c>conditionsReset.byTime</c> entry: a five-field cron schedule in a time zone (UTC when none). At each tick the
/// trigger forgets its partial state; at start, state saved before the latest past tick is dropped.
/// </summary>
internal sealed class ConditionsResetSchedule
{
    private static readonly TimeSpan LongestLookBack = TimeSpan.FromDays(800);

    private readonly CrontabSchedule _schedule;
    private readonly TimeZoneInfo _zone;

    private ConditionsResetSchedule(string cron, CrontabSchedule schedule, TimeZoneInfo zone)
    {
        Cron = cron;
        _schedule = schedule;
        _zone = zone;
    }

    /// <summary>The cron text.</summary>
    public string Cron { get; }

    /// <summary>Parses an entry.</summary>
    /// <exception cref="ArgumentException">The cron text or the time zone is not valid; the message names the field.</exception>
    public static ConditionsResetSchedule Parse(ConditionsResetByTime spec, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var cron = spec.Cron ?? string.Empty;
        CrontabSchedule schedule;
        try
        {
            schedule = CrontabSchedule.Parse(cron, new CrontabSchedule.ParseOptions { IncludingSeconds = false });
        }
        catch (CrontabException e)
        {
            throw new ArgumentException($"{fieldPath}.cron '{cron}' is not a five-field cron schedule: {e.Message}", e);
        }

        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrEmpty(spec.Timezone))
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(spec.Timezone);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw new ArgumentException($"{fieldPath}.timezone '{spec.Timezone}' is not a known time zone.", e);
            }
        }

        return new ConditionsResetSchedule(cron, schedule, zone);
    }

    /// <summary>The first tick strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, _zone).DateTime;
        while (true)
        {
            var next = _schedule.GetNextOccurrence(local);
            if (!_zone.IsInvalidTime(next))
            {
                return ToInstant(next);
            }

            // A tick inside a daylight-saving gap never happens on the wall clock; take the one after it.
            local = next;
        }
    }

    /// <summary>The latest tick at or before <paramref name="now"/>, or null when there was none in the last 800 days.</summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset now)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, _zone).DateTime;
        for (var span = TimeSpan.FromHours(1); span <= LongestLookBack * 2; span *= 4)
        {
            var from = localNow - (span < LongestLookBack ? span : LongestLookBack);
            DateTime? latest = null;
            foreach (var occurrence in _schedule.GetNextOccurrences(from.AddTicks(-1), localNow.AddTicks(1)))
            {
                if (!_zone.IsInvalidTime(occurrence))
                {
                    latest = occurrence;
                }
            }

            if (latest is { } found)
            {
                return ToInstant(found);
            }

            if (span >= LongestLookBack)
            {
                break;
            }
        }

        return null;
    }

    private DateTimeOffset ToInstant(DateTime local)
    {
        var offset = _zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }
}
