namespace ArgoEvents.Testing.Services;

/// <summary>
/// How one replica of a service (EventSource or Sensor) is started as its own process, configured through the
/// environment as an orchestrator would. <see cref="ForEventSource"/> and <see cref="ForSensor"/> fill in what differs
/// between the two services.
/// </summary>
public sealed record ServiceProcessOptions
{
    /// <summary>The service to run.</summary>
    public required ServiceBinary Binary { get; init; }

    /// <summary>The manifest file the service runs.</summary>
    public required string ManifestPath { get; init; }

    /// <summary>The variable that carries <see cref="ManifestPath"/>: <c>EventSource__File</c> or <c>Sensor__File</c>.</summary>
    public required string ManifestVariable { get; init; }

    /// <summary>The bus servers (ConnectionStrings__eventbus), every node of the cluster.</summary>
    public required IReadOnlyList<string> BusUrls { get; init; }

    /// <summary>The replica's identity (POD_NAME): the holder name in the lease.</summary>
    public required string ReplicaName { get; init; }

    /// <summary>The ports the manifest listens on; each is mapped to a free loopback port of this replica.</summary>
    public IReadOnlyCollection<int> SpecPorts { get; init; } = [];

    /// <summary>
    /// The prefix of the variables that map a spec port to the local one (<c>EventSource__Ports__</c> gives
    /// <c>EventSource__Ports__12000=41234</c>); required when <see cref="SpecPorts"/> is not empty.
    /// </summary>
    public string? SpecPortVariablePrefix { get; init; }

    /// <summary>The variable, if the service has one, that binds its spec-port listeners to 127.0.0.1.</summary>
    public string? BindAddressVariable { get; init; }

    /// <summary>Replicas of the <c>default</c> stream and of the lease bucket (EventBus__Stream__Replicas).</summary>
    public int StreamReplicas { get; init; } = 3;

    /// <summary>SHUTDOWN_GRACE_PERIOD, a Go duration.</summary>
    public string ShutdownGracePeriod { get; init; } = "10s";

    /// <summary>How long to wait for /readyz after the start.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>More environment variables (they win over the ones the harness sets).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>An EventSource service replica: <c>EventSource__File</c>, <c>EventSource__Ports__&lt;port&gt;</c>, bound to loopback.</summary>
    public static ServiceProcessOptions ForEventSource(
        string manifestPath,
        IReadOnlyList<string> busUrls,
        string replicaName,
        IReadOnlyCollection<int>? specPorts = null) =>
        new()
        {
            Binary = ServiceBinary.EventSources,
            ManifestPath = manifestPath,
            ManifestVariable = "EventSource__File",
            BusUrls = busUrls,
            ReplicaName = replicaName,
            SpecPorts = specPorts ?? [],
            SpecPortVariablePrefix = "EventSource__Ports__",
            BindAddressVariable = "EventSource__BindAddress",
        };

    /// <summary>A Sensor service replica: <c>Sensor__File</c>.</summary>
    public static ServiceProcessOptions ForSensor(string manifestPath, IReadOnlyList<string> busUrls, string replicaName) =>
        new()
        {
            Binary = ServiceBinary.Sensors,
            ManifestPath = manifestPath,
            ManifestVariable = "Sensor__File",
            BusUrls = busUrls,
            ReplicaName = replicaName,
        };

    /// <summary>Throws naming the first setting that cannot work.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Binary);
        ArgumentException.ThrowIfNullOrWhiteSpace(ManifestPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(ManifestVariable);
        ArgumentException.ThrowIfNullOrWhiteSpace(ReplicaName);
        ArgumentNullException.ThrowIfNull(BusUrls);
        ArgumentNullException.ThrowIfNull(SpecPorts);
        ArgumentNullException.ThrowIfNull(Environment);
        if (BusUrls.Count == 0)
        {
            throw new ArgumentException($"Replica '{ReplicaName}': BusUrls is empty; give at least one nats:// URL.", nameof(BusUrls));
        }

        if (SpecPorts.Count > 0 && string.IsNullOrWhiteSpace(SpecPortVariablePrefix))
        {
            throw new ArgumentException(
                $"Replica '{ReplicaName}': SpecPorts {string.Join(", ", SpecPorts)} need SpecPortVariablePrefix (e.g. EventSource__Ports__) to reach the service.",
                nameof(SpecPortVariablePrefix));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StreamReplicas);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReadyTimeout, TimeSpan.Zero);
    }
}
