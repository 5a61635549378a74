namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>LogTrigger</c>: log the events that fired the trigger.</summary>
public sealed record LogTrigger
{
    /// <summary><c>intervalSeconds</c>: log at most once per this many seconds (0: every time).</summary>
    [ManifestField("intervalSeconds")]
    public long? IntervalSeconds { get; init; }
}
