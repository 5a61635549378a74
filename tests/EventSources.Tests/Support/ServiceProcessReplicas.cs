namespace ArgoEvents.EventSources.Tests.Support;

/// <summary>
/// The replicas of one EventSource object as separate processes: the manifest is written once to a private temp
/// directory and each replica (<c>&lt;name&gt;-0</c>, <c>-1</c>, ...) gets its own identity and ports.
/// </summary>
public sealed class ServiceProcessReplicas : IAsyncDisposable
{
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

    /// <summary>The replica whose identity is <paramref name="name"/>.</summary>
    public ServiceProcess this[string name] =>
        Replicas.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"No replica is named '{name}'; replicas are {string.Join(", ", Replicas.Select(r => r.Name))}.", nameof(name));

    /// <summary>
    /// Writes <paramref name="manifestYaml"/> and starts <paramref name="count"/> replicas at once against
    /// <paramref name="busUrls"/>, named <c>&lt;namePrefix&gt;-&lt;i&gt;</c>; returns when every one is ready.
    /// <paramref name="configure"/> adjusts each replica's options.
    /// </summary>
    public static async Task<ServiceProcessReplicas> StartAsync(
        string namePrefix,
        string manifestYaml,
        IReadOnlyList<string> busUrls,
        int count,
        IReadOnlyCollection<int>? specPorts = null,
        Func<ServiceProcessOptions, ServiceProcessOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var directory = Directory.CreateTempSubdirectory("argo-es-replicas-").FullName;
        var manifest = Path.Combine(directory, "eventsource.yaml");
        await File.WriteAllTextAsync(manifest, manifestYaml, cancellationToken);
        var replicas = Enumerable.Range(0, count)
            .Select(i => new ServiceProcess((configure ?? (o => o))(new ServiceProcessOptions
            {
                ManifestPath = manifest,
                BusUrls = busUrls,
                ReplicaName = $"{namePrefix}-{i}",
                SpecPorts = specPorts ?? [],
            })))
            .ToList();
        var group = new ServiceProcessReplicas(directory, replicas);
        try
        {
            await Task.WhenAll(replicas.Select(r => r.StartAsync(cancellationToken)));
        }
        catch
        {
            await group.DisposeAsync();
            throw;
        }

        return group;
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

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing a test over it would hide the real result.
        }

        return ValueTask.CompletedTask;
    }
}
