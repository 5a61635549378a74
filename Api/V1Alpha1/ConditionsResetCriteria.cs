namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>ConditionsResetCriteria</c>: when a trigger's partly met conditions are forgotten.</summary>
public sealed record ConditionsResetCriteria
{
    /// <summary><c>byTime</c>: on a cron schedule.</summary>
    [ManifestField("byTime")]
    public ConditionsResetByTime? ByTime { get; init; }
}
