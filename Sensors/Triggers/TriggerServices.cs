using ArgoEvents.EventBus.LeaderElection;
using ArgoEvents.ServiceDefaults.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArgoEvents.Sensors.Triggers;

/// <summary>What the triggers of one sensor process share.</summary>
public sealed class TriggerServices
{
    /// <summary>Creates the services for the sensor <paramref name="sensorName"/> in <paramref name="namespace"/>.</summary>
    public TriggerServices(string sensorName, string @namespace, SecretResolver secrets)
    {
        ArgumentException.ThrowIfNullOrEmpty(sensorName);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentNullException.ThrowIfNull(secrets);
        SensorName = sensorName;
        Namespace = @namespace;
        Secrets = secrets;
    }

    /// <summary>The sensor's name.</summary>
    public string SensorName { get; }

    /// <summary>The sensor's namespace: where Kubernetes and Argo Workflows objects go when the resource names none.</summary>
    public string Namespace { get; }

    /// <summary>Reads the secrets the triggers name.</summary>
    public SecretResolver Secrets { get; }

    /// <summary>Loggers for the triggers (the log trigger writes through one).</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The clock (rate limits, backoffs, timestamps).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// How to reach the Kubernetes API server, for the k8s and argoWorkflow triggers and configmap sources; null means
    /// in-cluster configuration, read when first needed.
    /// </summary>
    public KubernetesApiOptions? Kubernetes { get; init; }

    /// <summary>
    /// The Argo Server base address (the <c>ARGO_SERVER</c> the argo CLI uses) for the argoWorkflow operations other
    /// than submit; null when not configured.
    /// </summary>
    public Uri? ArgoServer { get; init; }

    /// <summary>The bearer token for <see cref="ArgoServer"/> (<c>ARGO_TOKEN</c>), if it needs one.</summary>
    public string? ArgoToken { get; init; }
}
