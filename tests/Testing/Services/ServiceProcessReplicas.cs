using ArgoEvents.Testing;
namespace ArgoEvents.Testing.Services;

/// <summary>
/// The replicas of one EventSource or Sensor object as separate processes: the manifest is written once to a private
/// temp directory and each replica (<c>&lt;name&gt;-0</c>, <c>-1</c>, ...) gets its own identity and ports.
/// </summary>
public sealed class ServiceProcessReplicas : IAsyncDisposable
{
    private const string ManifestFileName = "manifest.yaml";

    private readonly string _directory;

    private ServiceProcessReplicas(string directory, List<ServiceProcess> replicas)
    {
        _directory = directory;
        Replicas = replicas;
    }

    /// <summary>Every replica, in start order.</summary>
    public IReadOnlyList<ServiceProcess> Replicas { get; }

    /// <summary>The replicas still running.</summary>
    public IEnumerable<ServiceProcess> Running => Replicas.Where(r => r.IsRunning);

    /// <summary>The manifest file every replica runs.</summary>
    public string ManifestPath => Path.Combine(_directory, ManifestFileName);

    /// <summary>The replica whose identity is <paramref name="name"/>.</summary>
    public ServiceProcess this[string name] =>
        Replicas.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"No replica is named '{name}'; replicas are {string.Join(", ", Replicas.Select(r => r.Name))}.", nameof(name));

    /// <summary>
    /// Writes <paramref name="manifestYaml"/> and starts <paramref name="count"/> replicas at once, named
    /// <c>&lt;namePrefix&gt;-&lt;i&gt;</c>, each with the options <paramref name="optionsFor"/> gives for the manifest
    /// path and the replica name; returns when every one is ready. On failure every replica is killed.
    /// </summary>
    public static async Task<ServiceProcessReplicas> StartAsync(
        string namePrefix,
        string manifestYaml,
        int count,
        Func<string, string, ServiceProcessOptions> optionsFor,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(namePrefix);
        ArgumentNullException.ThrowIfNull(manifestYaml);
        ArgumentNullException.ThrowIfNull(optionsFor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var directory = Directory.CreateTempSubdirectory("argo-service-replicas-").FullName;
        var manifest = Path.Combine(directory, ManifestFileName);
        var replicas = new List<ServiceProcess>();
        var group = new ServiceProcessReplicas(directory, replicas);
        try
        {
            await File.WriteAllTextAsync(manifest, manifestYaml, cancellationToken).ConfigureAwait(false);
            replicas.AddRange(Enumerable.Range(0, count).Select(i => new ServiceProcess(optionsFor(manifest, $"{namePrefix}-{i}"))));
            await Task.WhenAll(replicas.Select(r => r.StartAsync(cancellationToken))).ConfigureAwait(false);
        }
        catch
        {
            await group.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return group;
    }

    /// <summary>
    /// EventSource replicas against <paramref name="busUrls"/>, each mapping <paramref name="specPorts"/> to its own
    /// loopback ports; <paramref name="configure"/> adjusts each replica's options.
    /// </summary>
    public static Task<ServiceProcessReplicas> StartEventSourcesAsync(
        string namePrefix,
        string manifestYaml,
        IReadOnlyList<string> busUrls,
        int count,
        IReadOnlyCollection<int>? specPorts = null,
        Func<ServiceProcessOptions, ServiceProcessOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(busUrls);
        return StartAsync(
            namePrefix,
            manifestYaml,
            count,
            (manifest, name) => (configure ?? (o => o))(ServiceProcessOptions.ForEventSource(manifest, busUrls, name, specPorts)),
            cancellationToken);
    }

    /// <summary>Sensor replicas against <paramref name="busUrls"/>; <paramref name="configure"/> adjusts each replica's options.</summary>
    public static Task<ServiceProcessReplicas> StartSensorsAsync(
        string namePrefix,
        string manifestYaml,
        IReadOnlyList<string> busUrls,
        int count,
        Func<ServiceProcessOptions, ServiceProcessOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(busUrls);
        return StartAsync(
            namePrefix,
            manifestYaml,
            count,
            (manifest, name) => (configure ?? (o => o))(ServiceProcessOptions.ForSensor(manifest, busUrls, name)),
            cancellationToken);
    }

    /// <summary>Every replica's log tail, for assertion messages.</summary>
    public string Describe(int lines = 25) =>
        string.Join(Environment.NewLine, Replicas.Select(r => $"  {r} ({(r.IsRunning ? "running" : $"exited {r.ExitCode}")}):{Environment.NewLine}{r.LogTail(lines)}"));

    /// <summary>Kills every replica and deletes the manifest directory.</summary>
    public ValueTask DisposeAsync()
    {
        foreach (var replica in Replicas)
        {
            replica.Dispose();
        }

        ScratchDirectory.TryDelete(_directory);

        return ValueTask.CompletedTask;
    }
}
