namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>Selector</c>: a key, an operation and a value.</summary>
public sealed record Selector
{
    /// <summary><c>key</c>: the label key or field path.</summary>
    [ManifestField("key")]
    public string? Key { get; init; }

    /// <summary><c>operation</c>: the comparison (default <c>==</c>).</summary>
    [ManifestField("operation")]
    public string? Operation { get; init; }

    /// <summary><c>value</c>: the value (several separated by commas).</summary>
    [ManifestField("value")]
    public string? Value { get; init; }
}
