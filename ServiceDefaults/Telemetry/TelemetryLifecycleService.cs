using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ArgoEvents.ServiceDefaults.Telemetry;

/// <summary>
/// Builds the tracer and meter providers before other services start (they only listen once built), and flushes
/// every provider once all services have stopped, so the spans, metrics and logs of the last moments are exported
/// even if the process exits right after.
/// </summary>
internal sealed class TelemetryLifecycleService(IServiceProvider services) : IHostedLifecycleService
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Deliberately not bound by the host's token: by now the grace period may be spent, and a bounded flush
    // is worth more than the few seconds it costs.
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        var timeout = (int)FlushTimeout.TotalMilliseconds;
        var tracer = services.GetService<TracerProvider>();
        var meter = services.GetService<MeterProvider>();
        var logger = services.GetService<LoggerProvider>();
        // ForceFlush blocks; the three exports run side by side off the caller's thread.
        return Task.WhenAll(
            Task.Run(() => tracer?.ForceFlush(timeout), CancellationToken.None),
            Task.Run(() => meter?.ForceFlush(timeout), CancellationToken.None),
            Task.Run(() => logger?.ForceFlush(timeout), CancellationToken.None));
    }
}
