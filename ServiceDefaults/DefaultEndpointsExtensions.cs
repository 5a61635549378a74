using System.Diagnostics;
using ArgoEvents.ServiceDefaults.Health;
using ArgoEvents.ServiceDefaults.Metrics.Prometheus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArgoEvents.ServiceDefaults;

/// <summary><c>app.MapDefaultEndpoints()</c>: the probe and scrape endpoints every service serves.</summary>
public static class DefaultEndpointsExtensions
{
    /// <summary>The liveness endpoint: checks tagged <see cref="HealthTags.Live"/>.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>The readiness endpoint: checks tagged <see cref="HealthTags.Ready"/>, false once shutdown begins.</summary>
    public const string ReadinessPath = "/readyz";

    /// <summary>The Prometheus scrape endpoint.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Maps <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>, and starts collecting metrics for <c>/metrics</c>.
    /// Requests to them are left out of traces: probes every few seconds would bury the real traffic.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddServiceDefaults</c> was not called on the builder.</exception>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<ServiceDefaultsOptions>() is null)
        {
            throw new InvalidOperationException($"{nameof(MapDefaultEndpoints)} needs builder.{nameof(ServiceDefaultsBuilderExtensions.AddServiceDefaults)}() to have been called first.");
        }

        var healthChecks = app.Services.GetRequiredService<HealthCheckService>();
        var liveness = new HealthEndpoint(healthChecks, HealthTags.Live);
        var readiness = new HealthEndpoint(healthChecks, HealthTags.Ready);
        // Resolving the collector now starts its listener, before the service records anything.
        var collector = app.Services.GetRequiredService<PrometheusCollector>();

        app.MapGet(LivenessPath, context =>
        {
            LeaveOutOfTrace();
            return liveness.HandleAsync(context);
        });
        app.MapGet(ReadinessPath, context =>
        {
            LeaveOutOfTrace();
            return readiness.HandleAsync(context);
        });
        app.MapGet(MetricsPath, context =>
        {
            LeaveOutOfTrace();
            context.Response.ContentType = PrometheusTextWriter.ContentType;
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsync(collector.Scrape(), context.RequestAborted);
        });
        return app;
    }

    // Exporters skip activities that are not marked recorded.
    private static void LeaveOutOfTrace()
    {
        if (Activity.Current is { } activity)
        {
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
