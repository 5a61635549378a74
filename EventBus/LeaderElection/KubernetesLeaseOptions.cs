namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>Where a Kubernetes lease lives: its namespace and the API server holding it.</summary>
public sealed record KubernetesLeaseOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="namespace">The namespace of the lease (the EventSource's or Sensor's namespace).</param>
    /// <param name="api">How to reach the API server.</param>
    public KubernetesLeaseOptions(string @namespace, KubernetesApiOptions api)
    {
        Namespace = @namespace;
        Api = api;
    }

    /// <summary>The namespace of the lease.</summary>
    public string Namespace { get; init; }

    /// <summary>How to reach the API server.</summary>
    public KubernetesApiOptions Api { get; init; }

    /// <summary>
    /// The in-cluster settings of a pod (<see cref="KubernetesApiOptions.InCluster"/>), in <paramref name="namespace"/>
    /// or, when that is null, in the pod's own namespace from the service account mount.
    /// </summary>
    /// <param name="namespace">The lease's namespace, or null for the pod's.</param>
    /// <param name="getEnvironmentVariable">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">Not running in a pod, or the namespace file cannot be read.</exception>
    public static KubernetesLeaseOptions InCluster(string? @namespace = null, Func<string, string?>? getEnvironmentVariable = null)
    {
        var api = KubernetesApiOptions.InCluster(getEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(@namespace))
        {
            var file = Path.Combine(KubernetesApiOptions.ServiceAccountDirectory, "namespace");
            try
            {
                @namespace = File.ReadAllText(file).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"The lease namespace was not given and {file} cannot be read: {e.Message}", e);
            }
        }

        return new KubernetesLeaseOptions(@namespace, api);
    }

    /// <summary>Throws when a setting is missing or invalid; the message names it.</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public void Validate()
    {
        if (!KubernetesNames.IsValidLabel(Namespace))
        {
            throw new ArgumentException($"KubernetesLeaseOptions.Namespace '{Namespace}' is not a Kubernetes namespace name (lower-case letters, digits and '-', at most 63).", nameof(Namespace));
        }

        if (Api is null)
        {
            throw new ArgumentException("KubernetesLeaseOptions.Api must be set.", nameof(Api));
        }

        Api.Validate();
    }
}
