using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace ArgoEvents.ServiceDefaults.Telemetry;

/// <summary>
/// OTLP export of traces, metrics and logs, set up only when <see cref="SettingNames.OtlpEndpoint"/> is set: the
/// shape of Aspire's ServiceDefaults, with the framework's own ActivitySources and Meters in place of the
/// instrumentation packages.
/// </summary>
internal static class OpenTelemetrySetup
{
    /// <summary>The framework's ActivitySources: incoming requests and outgoing HttpClient calls.</summary>
    public static readonly string[] FrameworkActivitySources = ["Microsoft.AspNetCore", "System.Net.Http"];

    /// <summary>The framework's Meters: request durations, Kestrel connections, HttpClient, GC and thread pool.</summary>
    public static readonly string[] FrameworkMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime"];

    public static bool IsExportConfigured(IHostApplicationBuilder builder) =>
        !string.IsNullOrWhiteSpace(builder.Configuration[SettingNames.OtlpEndpoint]);

    public static void Configure(IHostApplicationBuilder builder, ServiceDefaultsOptions options)
    {
        if (!IsExportConfigured(builder))
        {
            return;
        }

        var serviceName = options.ServiceName
            ?? NonEmpty(builder.Configuration[SettingNames.ServiceName])
            ?? builder.Environment.ApplicationName;

        new ServiceTelemetryBuilder(builder.Services)
            // No generated instance id: Aspire passes the replica's id in OTEL_RESOURCE_ATTRIBUTES, read by the default detectors.
            .ConfigureResource(resource => resource.AddService(serviceName, autoGenerateServiceInstanceId: false))
            .WithTracing(tracing => tracing
                .AddSource(FrameworkActivitySources)
                .AddSource(builder.Environment.ApplicationName)
                .AddSource([.. options.ActivitySourceNames]))
            .WithMetrics(metrics => metrics
                .AddMeter(FrameworkMeters)
                .AddMeter(ArgoEventsMetrics.MeterName)
                .AddMeter([.. options.MeterNames]))
            .WithLogging(configureBuilder: null, configureOptions: logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            })
            // Reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS and the per-signal variants from the host's configuration.
            .UseOtlpExporter();

        builder.Services.AddHostedService<TelemetryLifecycleService>();
        builder.Services.AddTransient<IStartupFilter, HttpServerSpanEnricher>();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
