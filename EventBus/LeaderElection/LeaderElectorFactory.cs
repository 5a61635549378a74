namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>Chooses and builds the elector an EventSource or Sensor asked for with its annotation.</summary>
public static class LeaderElectorFactory
{
    /// <summary>The annotation that selects the lease backend.</summary>
    public const string AnnotationName = "events.argoproj.io/leader-election";

    /// <summary>The annotation value that selects the Kubernetes Lease; any other value, or none, selects NATS.</summary>
    public const string KubernetesValue = "k8s";

    /// <summary>The backend an annotation value selects: <see cref="LeaderElectionBackend.Kubernetes"/> for exactly <c>k8s</c>, NATS otherwise.</summary>
    /// <param name="annotationValue">The annotation's value; null when absent.</param>
    /// <returns>The backend.</returns>
    public static LeaderElectionBackend SelectBackend(string? annotationValue) =>
        string.Equals(annotationValue, KubernetesValue, StringComparison.Ordinal) ? LeaderElectionBackend.Kubernetes : LeaderElectionBackend.NatsKeyValue;

    /// <summary>The backend an object's annotations select.</summary>
    /// <param name="annotations">The object's <c>metadata.annotations</c>; null when it has none.</param>
    /// <returns>The backend.</returns>
    public static LeaderElectionBackend SelectBackend(IReadOnlyDictionary<string, string>? annotations) =>
        SelectBackend(annotations is not null && annotations.TryGetValue(AnnotationName, out var value) ? value : null);

    /// <summary>
    /// Builds the elector: a <see cref="KubernetesLeaseElector"/> when the annotation says <c>k8s</c>, a
    /// <see cref="NatsKeyValueLeaderElector"/> otherwise, with the backend's default timing and Argo's
    /// <c>LEADER_ELECTION_*</c> environment overrides unless <see cref="LeaderElectorSetup.Timing"/> is set.
    /// </summary>
    /// <param name="setup">Lease, identity, annotation and what each backend needs.</param>
    /// <returns>The elector; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The chosen backend lacks what it needs, or a setting is invalid.</exception>
    /// <exception cref="InvalidOperationException">Kubernetes was chosen with no API settings outside a pod.</exception>
    public static ILeaderElector Create(LeaderElectorSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var backend = SelectBackend(setup.AnnotationValue);
        var defaults = backend == LeaderElectionBackend.Kubernetes ? LeaderElectionTiming.KubernetesDefaults : LeaderElectionTiming.NatsKeyValueDefaults;
        var timing = setup.Timing ?? defaults.WithEnvironmentOverrides(setup.GetEnvironmentVariable);
        var options = new LeaderElectionOptions(setup.LeaseName, setup.Identity, timing) { Logger = setup.Logger };
        if (backend == LeaderElectionBackend.Kubernetes)
        {
            var kubernetes = setup.Kubernetes ?? KubernetesLeaseOptions.InCluster(getEnvironmentVariable: setup.GetEnvironmentVariable);
            return new KubernetesLeaseElector(options, kubernetes);
        }

        if (setup.Connection is null)
        {
            throw new ArgumentException(
                $"Lease '{setup.LeaseName}' uses the NATS KV backend (annotation {AnnotationName} is not '{KubernetesValue}'), which needs LeaderElectorSetup.Connection.",
                nameof(setup));
        }

        return new NatsKeyValueLeaderElector(setup.Connection, options, setup.Bucket);
    }
}
