using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// The <c>calendar</c> type: <c>schedule</c> (wins) or <c>interval</c>, <c>exclusionDates</c>, <c>timezone</c>,
/// <c>metadata</c> and <c>persistence.catchup</c>. The last tick is kept in the bus's KV bucket
/// <see cref="CalendarTickStore.BucketName"/> rather than in <c>persistence.configMap</c>, which is accepted and not
/// used; the bucket's replicas follow <c>EventBus:Stream:Replicas</c> (default 3).
/// </summary>
public sealed partial class CalendarSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Calendar;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (CalendarEventSource)source.Source;
        var field = $"spec.calendar.{source.Name}";

        var zone = CalendarTimeZones.Find(spec.Timezone ?? string.Empty)
            ?? throw new InvalidOperationException($"{field}.timezone: '{spec.Timezone}' is not a known IANA time zone (such as Europe/Paris or America/New_York).");
        var exclusions = ReadExclusions(spec, field);
        if (exclusions.IgnoredEntries.Count > 0)
        {
            LogIgnoredExclusions(context.LoggerFactory.CreateLogger<CalendarSourceFactory>(), field, string.Join(", ", exclusions.IgnoredEntries));
        }

        var options = new CalendarSourceOptions
        {
            EventSourceName = context.EventSourceName,
            EventName = source.Name,
            Schedule = new ExcludingTickSchedule(Schedule(spec, zone, field), exclusions, zone),
            Zone = zone,
            CatchUp = CatchUp(spec.Persistence, field),
            Metadata = spec.Metadata,
        };
        var store = new CalendarTickStore(context.Bus, context.Configuration.GetValue("EventBus:Stream:Replicas", 3), context.EventSourceName, source.Name);
        return SourceParts.FromActive(new CalendarSource(options, context.Dispatcher, store, context.Metrics, context.Time, context.LoggerFactory.CreateLogger<CalendarSource>()));
    }

    private static ITickSchedule Schedule(CalendarEventSource spec, TimeZoneInfo zone, string field)
    {
        if (!string.IsNullOrEmpty(spec.Schedule))
        {
            try
            {
                return CronTickSchedule.Parse(spec.Schedule, zone);
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"{field}.schedule: {e.Message}", e);
            }
        }

        if (spec.Interval is { Value: var interval } && interval > TimeSpan.Zero)
        {
            return new IntervalTickSchedule(interval);
        }

        throw new InvalidOperationException($"{field}: needs a schedule, or an interval greater than zero (got '{spec.Interval}').");
    }

    private static ExclusionDates ReadExclusions(CalendarEventSource spec, string field)
    {
        try
        {
            return ExclusionDates.Parse(spec.ExclusionDates, $"{field}.exclusionDates");
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    private static CatchUpPolicy CatchUp(EventPersistence? persistence, string field)
    {
        if (persistence?.Catchup is not { Enabled: true } catchup)
        {
            return CatchUpPolicy.Within(CatchUpPolicy.HandoverWindow);
        }

        if (catchup.MaxDuration is not { } maxDuration)
        {
            return CatchUpPolicy.Unbounded;
        }

        return maxDuration.Value >= TimeSpan.Zero
            ? CatchUpPolicy.Within(maxDuration.Value)
            : throw new InvalidOperationException($"{field}.persistence.catchup.maxDuration: must not be negative, got '{maxDuration}'.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Field}.exclusionDates entries {Indexes} lack the 'EXDATE:' prefix and are ignored, as Argo ignores them")]
    private static partial void LogIgnoredExclusions(ILogger logger, string field, string indexes);
}
