using ArgoEvents.ServiceDefaults.Shutdown;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArgoEvents.ServiceDefaults.Health;

/// <summary>Not ready once shutdown has begun, so no new traffic is routed to a stopping replica.</summary>
internal sealed class ShutdownReadinessCheck(IShutdownSignal signal) : IHealthCheck
{
    /// <summary>The registration name, as it appears in the failing-checks list.</summary>
    public const string Name = "shutdown";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(signal.IsStopping
            ? HealthCheckResult.Unhealthy("the service is shutting down")
            : HealthCheckResult.Healthy());
}
