namespace ArgoEvents.EventSources.Tests.Support;

/// <summary>
/// Finds the built EventSource service (<c>ArgoEvents.EventSources.dll</c> with its <c>.runtimeconfig.json</c> and
/// <c>.deps.json</c>) and the <c>dotnet</c> host that runs it. The test project references the service, so the build
/// copies all three next to the test assembly; the service's own build output is the fallback.
/// </summary>
public static class ServiceProcessBinary
{
    /// <summary>The service's assembly file name.</summary>
    public const string AssemblyFileName = "ArgoEvents.EventSources.dll";

    private static readonly Lazy<string> Located = new(Locate);

    /// <summary>Full path of the service's dll; throws naming every place looked at when it is missing.</summary>
    public static string DllPath => Located.Value;

    /// <summary>
    /// The <c>dotnet</c> host: the one running this process when it is the muxer (tests and <c>dotnet run</c>),
    /// else <c>DOTNET_HOST_PATH</c> (set by the SDK for tools it starts), else <c>dotnet</c> from PATH.
    /// </summary>
    public static string DotnetHost
    {
        get
        {
            var current = Environment.ProcessPath;
            if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
            {
                return current;
            }

            return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        }
    }

    private static string Locate()
    {
        var candidates = new List<string> { AppContext.BaseDirectory };

        // --artifacts-path puts each project in bin/<project>/<config>; the default layout in <project>/bin/<config>/<tfm>.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        if (here.Parent?.Parent is { } artifactsBin)
        {
            candidates.Add(Path.Combine(artifactsBin.FullName, "EventSources", here.Name));
        }

        for (var directory = here; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EventSources", "EventSources.csproj")))
            {
                var configuration = here.Parent?.Name ?? "Debug";
                candidates.Add(Path.Combine(directory.FullName, "EventSources", "bin", configuration, here.Name));
                break;
            }
        }

        foreach (var candidate in candidates)
        {
            if (IsComplete(candidate))
            {
                return Path.Combine(candidate, AssemblyFileName);
            }
        }

        throw new FileNotFoundException(
            $"{AssemblyFileName} with its .runtimeconfig.json and .deps.json was not found in: {string.Join(", ", candidates)}. Build EventSources/EventSources.csproj first.");
    }

    private static bool IsComplete(string directory)
    {
        var stem = Path.Combine(directory, Path.GetFileNameWithoutExtension(AssemblyFileName));
        return File.Exists(stem + ".dll") && File.Exists(stem + ".runtimeconfig.json") && File.Exists(stem + ".deps.json");
    }
}
