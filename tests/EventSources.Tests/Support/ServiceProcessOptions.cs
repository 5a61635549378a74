namespace ArgoEvents.EventSources.Tests.Support;

/// <summary>How one replica of the EventSource service is started as its own process.</summary>
public sealed record ServiceProcessOptions
{
    /// <summary>The EventSource manifest file (EventSource__File).</summary>
    public required string ManifestPath { get; init; }

    /// <summary>The bus servers (ConnectionStrings__eventbus), every node of the cluster.</summary>
    public required IReadOnlyList<string> BusUrls { get; init; }

    /// <summary>The replica's identity (POD_NAME): the holder name in the lease.</summary>
    public required string ReplicaName { get; init; }

    /// <summary>The ports the manifest's webhooks listen on; each is mapped to a free loopback port of this replica.</summary>
    public IReadOnlyCollection<int> SpecPorts { get; init; } = [];

    /// <summary>Replicas of the <c>default</c> stream and of the lease bucket (EventBus__Stream__Replicas).</summary>
    public int StreamReplicas { get; init; } = 3;

    /// <summary>SHUTDOWN_GRACE_PERIOD, a Go duration.</summary>
    public string ShutdownGracePeriod { get; init; } = "10s";

    /// <summary>How long to wait for /readyz after the start.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>More environment variables (they win over the ones above).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
