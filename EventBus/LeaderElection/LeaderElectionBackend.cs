namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>Where the lease lives.</summary>
public enum LeaderElectionBackend
{
    /// <summary>A key in a NATS KV bucket on the event bus (the default).</summary>
    NatsKeyValue,

    /// <summary>A <c>coordination.k8s.io/v1</c> Lease (annotation <c>events.argoproj.io/leader-election: k8s</c>).</summary>
    Kubernetes,
}
