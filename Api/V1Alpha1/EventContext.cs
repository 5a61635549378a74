namespace ArgoEvents.Api.V1Alpha1;

/// <summary>
/// Argo's <c>EventContext</c>: CloudEvents attributes. As a filter only non-empty <c>type</c>, <c>subject</c>,
/// <c>source</c> and <c>datacontenttype</c> are compared.
/// </summary>
public sealed record EventContext
{
    /// <summary><c>id</c>.</summary>
    [ManifestField("id")]
    public string? Id { get; init; }

    /// <summary><c>source</c>: the EventSource name.</summary>
    [ManifestField("source")]
    public string? Source { get; init; }

    /// <summary><c>specversion</c>.</summary>
    [ManifestField("specversion")]
    public string? SpecVersion { get; init; }

    /// <summary><c>type</c>: the event source type, such as <c>webhook</c>.</summary>
    [ManifestField("type")]
    public string? Type { get; init; }

    /// <summary><c>datacontenttype</c>.</summary>
    [ManifestField("datacontenttype")]
    public string? DataContentType { get; init; }

    /// <summary><c>subject</c>: the event name.</summary>
    [ManifestField("subject")]
    public string? Subject { get; init; }

    /// <summary><c>time</c>, RFC 3339.</summary>
    [ManifestField("time")]
    public string? Time { get; init; }
}
