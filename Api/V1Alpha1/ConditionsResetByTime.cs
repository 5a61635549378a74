namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>ConditionsResetByTime</c>: a five-field cron schedule and its time zone.</summary>
public sealed record ConditionsResetByTime
{
    /// <summary><c>cron</c>: minute hour day-of-month month day-of-week.</summary>
    [ManifestField("cron")]
    public string? Cron { get; init; }

    /// <summary><c>timezone</c>: the IANA zone of the schedule (default UTC).</summary>
    [ManifestField("timezone")]
    public string? Timezone { get; init; }
}
