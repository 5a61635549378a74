namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>CalendarEventSource</c>: events on a cron schedule or at a fixed interval.</summary>
public sealed record CalendarEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Calendar;

    /// <summary><c>schedule</c>: a 5-field cron expression (minute hour day-of-month month day-of-week); wins over <c>interval</c>.</summary>
    [ManifestField("schedule")]
    public string? Schedule { get; init; }

    /// <summary><c>interval</c>: a fixed interval such as <c>10s</c>.</summary>
    [ManifestField("interval")]
    public GoDuration? Interval { get; init; }

    /// <summary><c>exclusionDates</c>: days on which no event fires.</summary>
    [ManifestField("exclusionDates")]
    public IReadOnlyList<string> ExclusionDates { get; init; } = [];

    /// <summary><c>timezone</c>: the IANA time zone of the schedule.</summary>
    [ManifestField("timezone")]
    public string? Timezone { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>persistence</c>: remembering the last event to catch up after a restart.</summary>
    [ManifestField("persistence")]
    public EventPersistence? Persistence { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
