using ArgoEvents.EventBus.Nats;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>What <see cref="LeaderElectorFactory.Create"/> needs to build the elector of one EventSource or Sensor replica.</summary>
public sealed record LeaderElectorSetup
{
    /// <summary>Creates the setup.</summary>
    /// <param name="leaseName">The lease, from <see cref="LeaseNames"/>.</param>
    /// <param name="identity">This replica's identity (the pod name, <c>POD_NAME</c>).</param>
    public LeaderElectorSetup(string leaseName, string identity)
    {
        LeaseName = leaseName;
        Identity = identity;
    }

    /// <summary>The lease, from <see cref="LeaseNames"/>.</summary>
    public string LeaseName { get; init; }

    /// <summary>This replica's identity (the pod name).</summary>
    public string Identity { get; init; }

    /// <summary>The object's <c>events.argoproj.io/leader-election</c> annotation (Argo passes it as <c>LEADER_ELECTION</c>); null when absent.</summary>
    public string? AnnotationValue { get; init; }

    /// <summary>The bus connection; needed for the NATS lease.</summary>
    public NatsConnection? Connection { get; init; }

    /// <summary>The bucket of the NATS lease; null for the defaults.</summary>
    public NatsLeaseBucketOptions? Bucket { get; init; }

    /// <summary>Namespace and API server of the Kubernetes lease; null for the pod's in-cluster settings.</summary>
    public KubernetesLeaseOptions? Kubernetes { get; init; }

    /// <summary>The timing; null for the backend's defaults with Argo's environment overrides applied.</summary>
    public LeaderElectionTiming? Timing { get; init; }

    /// <summary>Reads environment variables (timing overrides, in-cluster settings).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Where the elector logs.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
