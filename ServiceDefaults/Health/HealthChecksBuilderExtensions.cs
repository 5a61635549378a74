using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArgoEvents.ServiceDefaults.Health;

/// <summary>
/// Adds liveness and readiness checks to the service's health-check registry
/// (<c>builder.Services.AddHealthChecks()</c>), the way <c>/healthz</c> and <c>/readyz</c> read them.
/// </summary>
public static class HealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a readiness check answered by <paramref name="isReady"/>, evaluated on every <c>/readyz</c> request,
    /// e.g. <c>AddReadinessCheck("eventbus", sp =&gt; sp.GetRequiredService&lt;Bus&gt;().IsConnected, "not connected to the event bus")</c>.
    /// </summary>
    public static IHealthChecksBuilder AddReadinessCheck(this IHealthChecksBuilder builder, string name, Func<IServiceProvider, bool> isReady, string notReadyDescription) =>
        AddCondition(builder, name, isReady, notReadyDescription, HealthTags.Ready);

    /// <summary>Adds a readiness check of type <typeparamref name="TCheck"/>, created from the service provider.</summary>
    public static IHealthChecksBuilder AddReadinessCheck<TCheck>(this IHealthChecksBuilder builder, string name)
        where TCheck : class, IHealthCheck
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddCheck<TCheck>(name, HealthStatus.Unhealthy, [HealthTags.Ready]);
    }

    /// <summary>Adds a liveness check answered by <paramref name="isAlive"/>, evaluated on every <c>/healthz</c> request.</summary>
    public static IHealthChecksBuilder AddLivenessCheck(this IHealthChecksBuilder builder, string name, Func<IServiceProvider, bool> isAlive, string deadDescription) =>
        AddCondition(builder, name, isAlive, deadDescription, HealthTags.Live);

    /// <summary>Adds a liveness check of type <typeparamref name="TCheck"/>, created from the service provider.</summary>
    public static IHealthChecksBuilder AddLivenessCheck<TCheck>(this IHealthChecksBuilder builder, string name)
        where TCheck : class, IHealthCheck
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddCheck<TCheck>(name, HealthStatus.Unhealthy, [HealthTags.Live]);
    }

    private static IHealthChecksBuilder AddCondition(IHealthChecksBuilder builder, string name, Func<IServiceProvider, bool> condition, string failureDescription, string tag)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentException.ThrowIfNullOrWhiteSpace(failureDescription);
        return builder.Add(new HealthCheckRegistration(
            name,
            services => new ConditionHealthCheck(services, condition, failureDescription),
            HealthStatus.Unhealthy,
            [tag]));
    }
}
