namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>ResourceFilter</c>: which Kubernetes objects a resource source watches.</summary>
public sealed record ResourceFilter
{
    /// <summary><c>prefix</c>: object name prefix.</summary>
    [ManifestField("prefix")]
    public string? Prefix { get; init; }

    /// <summary><c>labels</c>: label selectors.</summary>
    [ManifestField("labels")]
    public IReadOnlyList<Selector> Labels { get; init; } = [];

    /// <summary><c>fields</c>: field selectors (any field path, value may be a regular expression).</summary>
    [ManifestField("fields")]
    public IReadOnlyList<Selector> Fields { get; init; } = [];

    /// <summary><c>createdBy</c>: only objects created before this time (RFC 3339).</summary>
    [ManifestField("createdBy")]
    public string? CreatedBy { get; init; }

    /// <summary><c>afterStart</c>: only objects created after the source started.</summary>
    [ManifestField("afterStart")]
    public bool AfterStart { get; init; }
}
