namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>DataFilter</c>: the value at a path of the event data compared with allowed values.</summary>
public sealed record DataFilter
{
    /// <summary><c>path</c>: a gjson path into the event data.</summary>
    [ManifestField("path")]
    public string? Path { get; init; }

    /// <summary><c>type</c>: how values compare: <c>string</c> (regular expressions), <c>number</c> or <c>bool</c>.</summary>
    [ManifestField("type")]
    public string? Type { get; init; }

    /// <summary><c>value</c>: the allowed values; any one matching passes the filter.</summary>
    [ManifestField("value")]
    public IReadOnlyList<string> Value { get; init; } = [];

    /// <summary><c>comparator</c>: <c>&gt;=</c>, <c>&gt;</c>, <c>=</c> (default), <c>!=</c>, <c>&lt;</c> or <c>&lt;=</c>.</summary>
    [ManifestField("comparator")]
    public string? Comparator { get; init; }

    /// <summary><c>template</c>: a Go template applied to the value at the path before comparing.</summary>
    [ManifestField("template")]
    public string? Template { get; init; }
}
