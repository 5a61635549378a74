namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>TimeFilter</c>: a daily window, <c>HH:MM:SS</c> to <c>HH:MM:SS</c>; a stop before the start means the
/// window runs past midnight.
/// </summary>
public sealed record TimeFilter
{
    /// <summary><c>start</c>: the first time of day that passes.</summary>
    [ManifestField("start")]
    public string? Start { get; init; }

    /// <summary><c>stop</c>: the first time of day that no longer passes.</summary>
    [ManifestField("stop")]
    public string? Stop { get; init; }

    /// <summary><c>timezone</c>: the IANA zone the times are in (default UTC).</summary>
    [ManifestField("timezone")]
    public string? Timezone { get; init; }
}
