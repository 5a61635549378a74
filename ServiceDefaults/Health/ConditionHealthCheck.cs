using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArgoEvents.ServiceDefaults.Health;

/// <summary>A health check that asks a yes/no question of the service, e.g. "is the bus connected".</summary>
internal sealed class ConditionHealthCheck(IServiceProvider services, Func<IServiceProvider, bool> condition, string failureDescription) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var healthy = condition(services);
        return Task.FromResult(healthy
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, failureDescription));
    }
}
