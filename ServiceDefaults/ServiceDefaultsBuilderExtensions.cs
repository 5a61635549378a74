using System.Diagnostics.Metrics;
using ArgoEvents.ServiceDefaults.Health;
using ArgoEvents.ServiceDefaults.Metrics;
using ArgoEvents.ServiceDefaults.Metrics.Prometheus;
using ArgoEvents.ServiceDefaults.Shutdown;
using ArgoEvents.ServiceDefaults.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.ServiceDefaults;

/// <summary>
/// <c>builder.AddServiceDefaults()</c>: what every EventSource and Sensor service shares, in the shape of Aspire's
/// ServiceDefaults project. Pair it with <see cref="DefaultEndpointsExtensions.MapDefaultEndpoints"/>.
/// </summary>
public static class ServiceDefaultsBuilderExtensions
{
    /// <summary>
    /// Registers health checks (<see cref="HealthTags"/>), graceful shutdown (<see cref="IShutdownSignal"/>, the
    /// grace period as the host's shutdown timeout), <see cref="ArgoEventsMetrics"/> and the <c>/metrics</c>
    /// collector, and OTLP export of traces, metrics and logs when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="configure">Adjusts the options after they were read from configuration.</param>
    /// <exception cref="InvalidOperationException">A setting is invalid (the message names it and its value), or this was already called.</exception>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, Action<ServiceDefaultsOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(ServiceDefaultsOptions)))
        {
            throw new InvalidOperationException($"{nameof(AddServiceDefaults)} was already called on this builder; call it once and pass every option in that call.");
        }

        var options = ServiceDefaultsOptionsLoader.Load(builder.Configuration, configure);
        var services = builder.Services;
        services.AddSingleton(options);

        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownGracePeriod);
        services.TryAddSingleton(_ => new ShutdownSignal(options.ShutdownGracePeriod));
        services.TryAddSingleton<IShutdownSignal>(sp => sp.GetRequiredService<ShutdownSignal>());
        services.AddHostedService<GracefulShutdownService>();

        services.AddHealthChecks()
            .AddCheck("self", static () => HealthCheckResult.Healthy(), [HealthTags.Live])
            .AddCheck<ShutdownReadinessCheck>(ShutdownReadinessCheck.Name, HealthStatus.Unhealthy, [HealthTags.Ready]);

        services.AddMetrics();
        services.TryAddSingleton(sp => new ArgoEventsMetrics(sp.GetRequiredService<IMeterFactory>(), options.Namespace));
        services.TryAddSingleton(sp => new PrometheusCollector(
            sp.GetRequiredService<IMeterFactory>(),
            [ArgoEventsMetrics.MeterName, "System.Runtime", .. options.MeterNames],
            sp.GetRequiredService<ILogger<PrometheusCollector>>()));

        OpenTelemetrySetup.Configure(builder, options);
        return builder;
    }
}
