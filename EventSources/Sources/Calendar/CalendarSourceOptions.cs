namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>What one calendar event runs with, resolved from its spec.</summary>
public sealed record CalendarSourceOptions
{
    /// <summary>The EventSource's name.</summary>
    public required string EventSourceName { get; init; }

    /// <summary>The event's name.</summary>
    public required string EventName { get; init; }

    /// <summary>When ticks fire, exclusion dates applied.</summary>
    public required ITickSchedule Schedule { get; init; }

    /// <summary>The zone <c>eventTime</c> is written in (<c>timezone</c>, UTC when absent).</summary>
    public required TimeZoneInfo Zone { get; init; }

    /// <summary>How far back missed ticks are published on a (re)start.</summary>
    public required CatchUpPolicy CatchUp { get; init; }

    /// <summary><c>metadata</c>, copied into every payload.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
