using Microsoft.Extensions.Configuration;

namespace ArgoEvents.ServiceDefaults.EventBus;

/// <summary>Who this replica is in a leader election.</summary>
public static class ReplicaIdentity
{
    /// <summary>The pod name (<c>POD_NAME</c>), or the host name and process id outside a pod.</summary>
    public static string FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["POD_NAME"] is { Length: > 0 } pod ? pod : $"{Environment.MachineName}-{Environment.ProcessId}";
    }
}
