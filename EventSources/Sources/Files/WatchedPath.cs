using System.Text.RegularExpressions;

namespace ArgoEvents.EventSources.Sources.Files;

/// <summary>
/// Which changes concern the event: <c>watchPathConfig.path</c> equal to, or <c>pathRegexp</c> found in, the path
/// relative to the directory. Argo strips the directory text as written, so its <c>path</c> matches only when the
/// directory ends with '/'; here the relative path never starts with '/', whichever way the directory is written.
/// </summary>
public sealed class WatchedPath
{
    private readonly string? _path;
    private readonly Regex? _pattern;

    private WatchedPath(string directory, string? path, Regex? pattern)
    {
        Directory = directory;
        _path = path;
        _pattern = pattern;
    }

    /// <summary>The directory, cleaned (absolute, no trailing '/').</summary>
    public string Directory { get; }

    /// <summary>A matcher of one exact relative path.</summary>
    public static WatchedPath Exact(string directory, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new WatchedPath(CleanDirectory(directory), path, null);
    }

    /// <summary>A matcher of relative paths in which <paramref name="pattern"/> finds a match (Go's MatchString).</summary>
    public static WatchedPath Pattern(string directory, Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new WatchedPath(CleanDirectory(directory), null, pattern);
    }

    /// <summary>Whether a change reported under <paramref name="name"/> concerns the event.</summary>
    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var relative = Relative(name);
        return _path is not null ? _path == relative : _pattern!.IsMatch(relative);
    }

    /// <summary>
    /// <paramref name="name"/> relative to the directory: a full path inside it loses the directory and the '/';
    /// anything else (the poller's base names) stays as it is.
    /// </summary>
    public string Relative(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == Directory)
        {
            return string.Empty;
        }

        var prefix = Directory == "/" ? "/" : Directory + "/";
        return name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
    }

    /// <summary>An absolute directory path without a trailing '/' (Go's filepath.Clean of it).</summary>
    public static string CleanDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
    }

    /// <summary>The full path of an entry of a directory.</summary>
    public static string Join(string directory, string entry) => directory == "/" ? "/" + entry : directory + "/" + entry;
}
