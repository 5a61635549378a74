namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>WatchPathConfig</c>: the directory to watch and the file (exact or by pattern) within it.</summary>
public sealed record WatchPathConfig
{
    /// <summary><c>directory</c>: absolute path of the directory.</summary>
    [ManifestField("directory")]
    public string? Directory { get; init; }

    /// <summary><c>path</c>: the file, relative to the directory.</summary>
    [ManifestField("path")]
    public string? Path { get; init; }

    /// <summary><c>pathRegexp</c>: a regular expression matched against paths relative to the directory.</summary>
    [ManifestField("pathRegexp")]
    public string? PathRegexp { get; init; }
}
