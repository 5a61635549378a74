namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>GitRemoteConfig</c>: a named Git remote and its URLs (the first is fetched from).</summary>
public sealed record GitRemoteConfig
{
    /// <summary><c>name</c>.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>urls</c>.</summary>
    [ManifestField("urls")]
    public IReadOnlyList<string> Urls { get; init; } = [];
}
