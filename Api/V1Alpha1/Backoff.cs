namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>Backoff</c> (Kubernetes <c>wait.Backoff</c> semantics): <c>steps</c> attempts, waiting
/// <c>duration</c> grown by <c>factor</c> each time, with up to <c>jitter</c> extra.
/// </summary>
public sealed record Backoff
{
    /// <summary><c>duration</c>: the first wait, nanoseconds or Go duration text.</summary>
    [ManifestField("duration")]
    public BackoffDuration? Duration { get; init; }

    /// <summary><c>factor</c>: multiplier applied to the wait after each attempt.</summary>
    [ManifestField("factor")]
    public double? Factor { get; init; }

    /// <summary><c>jitter</c>: the largest random fraction added to each wait.</summary>
    [ManifestField("jitter")]
    public double? Jitter { get; init; }

    /// <summary><c>steps</c>: attempts before giving up.</summary>
    [ManifestField("steps")]
    public int? Steps { get; init; }
}
