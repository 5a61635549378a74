namespace ArgoEvents.Testing.Services;

/// <summary>
/// Finds the built assembly of one of the repository's service projects (<c>&lt;Assembly&gt;.dll</c> with its
/// <c>.runtimeconfig.json</c> and <c>.deps.json</c>) and the <c>dotnet</c> host that runs it. A project that
/// references the service gets all three copied next to its own assembly; the service's own build output, in the
/// <c>--artifacts-path</c> layout or the default one, is the fallback.
/// </summary>
public sealed class ServiceBinary
{
    private readonly Lazy<string> _located;

    /// <summary>The service of <c>EventSources/EventSources.csproj</c>.</summary>
    public static ServiceBinary EventSources { get; } = new("EventSources", "ArgoEvents.EventSources.dll");

    /// <summary>The service of <c>Sensors/Sensors.csproj</c>.</summary>
    public static ServiceBinary Sensors { get; } = new("Sensors", "ArgoEvents.Sensors.dll");

    /// <summary>
    /// A service whose project is <c>&lt;projectFolder&gt;/&lt;projectFolder&gt;.csproj</c> at the repository root and
    /// whose assembly is <paramref name="assemblyFileName"/>.
    /// </summary>
    public ServiceBinary(string projectFolder, string assemblyFileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyFileName);
        if (!assemblyFileName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The assembly file name '{assemblyFileName}' must end in .dll.", nameof(assemblyFileName));
        }

        ProjectFolder = projectFolder;
        AssemblyFileName = assemblyFileName;
        _located = new Lazy<string>(Locate);
    }

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

    /// <summary>The project's folder (and project) name, e.g. <c>Sensors</c>.</summary>
    public string ProjectFolder { get; }

    /// <summary>The service's assembly file name, e.g. <c>ArgoEvents.Sensors.dll</c>.</summary>
    public string AssemblyFileName { get; }

    /// <summary>Full path of the service's dll; throws naming every place looked at when it is missing.</summary>
    public string DllPath => _located.Value;

    /// <inheritdoc />
    public override string ToString() => $"{ProjectFolder}/{AssemblyFileName}";

    private string Locate()
    {
        var candidates = new List<string> { AppContext.BaseDirectory };

        // --artifacts-path puts each project in bin/<project>/<config>; the default layout in <project>/bin/<config>/<tfm>.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        if (here.Parent?.Parent is { } artifactsBin)
        {
            candidates.Add(Path.Combine(artifactsBin.FullName, ProjectFolder, here.Name));
        }

        for (var directory = here; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectFolder, ProjectFolder + ".csproj")))
            {
                var configuration = here.Parent?.Name ?? "Debug";
                candidates.Add(Path.Combine(directory.FullName, ProjectFolder, "bin", configuration, here.Name));
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
            $"{AssemblyFileName} with its .runtimeconfig.json and .deps.json was not found in: {string.Join(", ", candidates)}. Build {ProjectFolder}/{ProjectFolder}.csproj first.");
    }

    private bool IsComplete(string directory)
    {
        var stem = Path.Combine(directory, Path.GetFileNameWithoutExtension(AssemblyFileName));
        return File.Exists(stem + ".dll") && File.Exists(stem + ".runtimeconfig.json") && File.Exists(stem + ".deps.json");
    }
}
