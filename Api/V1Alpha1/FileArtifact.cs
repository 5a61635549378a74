namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>FileArtifact</c>: a file in the sensor's container.</summary>
public sealed record FileArtifact
{
    /// <summary><c>path</c>.</summary>
    [ManifestField("path")]
    public string? Path { get; init; }
}
