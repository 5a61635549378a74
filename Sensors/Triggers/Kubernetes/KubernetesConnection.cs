using ArgoEvents.EventBus.LeaderElection;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>
/// The Kubernetes API client of one trigger, made when first needed: from <see cref="TriggerServices.Kubernetes"/>, or
/// from the pod's in-cluster settings when none are given.
/// </summary>
internal sealed class KubernetesConnection : IDisposable
{
    private readonly KubernetesApiOptions? _options;
    private readonly string _user;
    private readonly Lock _gate = new();
    private KubernetesResourceClient? _client;
    private bool _disposed;

    /// <param name="options">The API server settings; null for in-cluster.</param>
    /// <param name="user">Who needs the API, for the error message, e.g. <c>the k8s trigger at spec.triggers[0]</c>.</param>
    public KubernetesConnection(KubernetesApiOptions? options, string user)
    {
        _options = options;
        _user = user;
    }

    /// <summary>The client.</summary>
    /// <exception cref="TriggerExecutionException">No API server is configured and this process is not in a pod.</exception>
    public KubernetesResourceClient Client
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _client ??= new KubernetesResourceClient(_options ?? InCluster());
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _client?.Dispose();
            _client = null;
        }
    }

    private KubernetesApiOptions InCluster()
    {
        try
        {
            return KubernetesApiOptions.InCluster();
        }
        catch (InvalidOperationException e)
        {
            throw new TriggerExecutionException(
                $"{_user} needs the Kubernetes API, but no API server is configured (TriggerServices.Kubernetes) and the in-cluster settings are unusable: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set, as they are in a pod.",
                e);
        }
    }
}
