using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.LeaderElection;
using ArgoEvents.ServiceDefaults.EventBus;
using ArgoEvents.ServiceDefaults.Metrics;
using ArgoEvents.ServiceDefaults.Shutdown;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>
/// Runs the active sources: on every replica for active-active types; for active-passive types only while this
/// replica holds the lease (<c>eventsource-&lt;name&gt;</c>). Losing the lease stops the sources and puts the replica
/// back in the race; the process never exits for it. A stop request releases the lease at once, so a standby takes
/// over without waiting for it to expire.
/// </summary>
public sealed partial class EventSourceRunner : BackgroundService
{
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(10);

    private readonly EventSourcePlan _plan;
    private readonly EventBusConnection _bus;
    private readonly IConfiguration _configuration;
    private readonly ArgoEventsMetrics _metrics;
    private readonly IShutdownSignal _shutdown;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>Creates the runner.</summary>
    public EventSourceRunner(EventSourcePlan plan, EventBusConnection bus, IConfiguration configuration, ArgoEventsMetrics metrics, IShutdownSignal shutdown, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _plan = plan;
        _bus = bus;
        _configuration = configuration;
        _metrics = metrics;
        _shutdown = shutdown;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<EventSourceRunner>();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A stop request (SIGTERM) ends leadership at once, before in-flight HTTP work has drained.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _shutdown.Stopping);
        _metrics.EventServiceStarted(_plan.Name);
        try
        {
            if (_plan.ActiveSources.Count == 0)
            {
                return;
            }

            if (_plan.Mode == HighAvailabilityMode.ActiveActive)
            {
                await RunSourcesAsync(stop.Token).ConfigureAwait(false);
                return;
            }

            var client = await _bus.GetClientAsync(stop.Token).ConfigureAwait(false);
            var setup = new LeaderElectorSetup(LeaseNames.ForEventSource(_plan.Name), ReplicaIdentity.FromConfiguration(_configuration))
            {
                AnnotationValue = _plan.EventSource.Metadata.Annotations.GetValueOrDefault(LeaderElectorFactory.AnnotationName),
                Connection = client.Connection,
                Bucket = new NatsLeaseBucketOptions { Replicas = _configuration.GetValue("EventBus:Stream:Replicas", 3) },
                Logger = _loggerFactory.CreateLogger<ILeaderElector>(),
            };
            var elector = LeaderElectorFactory.Create(setup);
            await using (elector.ConfigureAwait(false))
            {
                await elector.RunAsync(RunSourcesAsync, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            _metrics.EventServiceStopped(_plan.Name);
        }
    }

    private Task RunSourcesAsync(CancellationToken cancellationToken)
    {
        LogSourcesStarting(_logger, _plan.Name, _plan.ActiveSources.Count);
        return Task.WhenAll(_plan.ActiveSources.Select(source => RunWithRestartsAsync(source, cancellationToken)));
    }

    private async Task RunWithRestartsAsync(IActiveSource source, CancellationToken cancellationToken)
    {
        for (var failures = 0; !cancellationToken.IsCancellationRequested; failures++)
        {
            try
            {
                await source.RunAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing source is restarted with back-off, as Argo retries its listeners; it must not end the others.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxRestartDelay.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
                LogSourceFailed(_logger, e, _plan.Name, source.EventName, delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "EventSource {EventSource}: starting {Count} active source(s)")]
    private static partial void LogSourcesStarting(ILogger logger, string eventSource, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "EventSource {EventSource}: source {EventName} failed; restarting in {DelayMs} ms")]
    private static partial void LogSourceFailed(ILogger logger, Exception error, string eventSource, string eventName, double delayMs);
}
