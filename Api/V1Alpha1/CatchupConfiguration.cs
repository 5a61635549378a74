namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>CatchupConfiguration</c>.</summary>
public sealed record CatchupConfiguration
{
    /// <summary><c>enabled</c>: fire the events missed while the source was down.</summary>
    [ManifestField("enabled")]
    public bool Enabled { get; init; }

    /// <summary><c>maxDuration</c>: how far back missed events are fired.</summary>
    [ManifestField("maxDuration")]
    public GoDuration? MaxDuration { get; init; }
}
