using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace ArgoEvents.ServiceDefaults.Telemetry;

/// <summary>
/// The host's service collection seen as an OpenTelemetry builder, so the SDK's own <c>WithTracing</c>,
/// <c>WithMetrics</c>, <c>WithLogging</c> and <c>UseOtlpExporter</c> register their providers in the host's DI
/// container and read OTEL_* settings from the host's configuration.
/// </summary>
internal sealed class ServiceTelemetryBuilder(IServiceCollection services) : IOpenTelemetryBuilder
{
    public IServiceCollection Services { get; } = services;
}
