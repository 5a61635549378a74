using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.ServiceDefaults.Shutdown;

/// <summary>
/// Turns the host's shutdown into the service's shutdown sequence: readiness false at once, then, while the HTTP
/// server still serves, the drain delay and the wait for registered in-flight work, bounded by the grace period.
/// </summary>
internal sealed partial class GracefulShutdownService(
    ShutdownSignal signal,
    ServiceDefaultsOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<GracefulShutdownService> logger) : IHostedLifecycleService, IDisposable
{
    private CancellationTokenRegistration _stoppingRegistration;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        // SIGTERM reaches ApplicationStopping before the host starts stopping services; flip readiness right there.
        _stoppingRegistration = lifetime.ApplicationStopping.Register(static state => ((ShutdownSignal)state!).BeginShutdown(), signal);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Every StoppingAsync runs before any hosted service (Kestrel included) stops, so waiting here keeps the
    // server, the bus connection and everything else in-flight work needs alive until it is done.
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        signal.BeginShutdown();
        LogShutdownBegun(logger, options.ShutdownGracePeriod, signal.InFlightCount, options.ShutdownDrainDelay);
        try
        {
            await Task.WhenAll(
                Task.Delay(options.ShutdownDrainDelay, cancellationToken),
                signal.WaitForInFlightWorkAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogGracePeriodExpired(logger, options.ShutdownGracePeriod, signal.InFlightCount);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stoppingRegistration.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: readiness is false; {InFlight} in-flight work items get up to {GracePeriod} (drain delay {DrainDelay})")]
    private static partial void LogShutdownBegun(ILogger logger, TimeSpan gracePeriod, int inFlight, TimeSpan drainDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shutdown grace period of {GracePeriod} expired with {InFlight} work items still in flight")]
    private static partial void LogGracePeriodExpired(ILogger logger, TimeSpan gracePeriod, int inFlight);
}
