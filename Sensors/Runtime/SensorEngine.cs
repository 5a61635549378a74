using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.LeaderElection;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// Runs a compiled sensor against the bus while this replica leads: opens the sensor's bucket, reconciles it with the
/// spec (Argo's <c>setStateToSpec</c>), then runs every trigger's worker, restarting a failed worker with back-off
/// (Argo's 5-second reconnect daemon). Ends when the token is cancelled, after the at-most-once firings in flight.
/// </summary>
internal sealed partial class SensorEngine
{
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(5);

    private readonly SensorPlan _plan;
    private readonly EventBusClient _bus;
    private readonly SensorRuntimeOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, TriggerWorker> _workers = new(StringComparer.Ordinal);

    public SensorEngine(SensorPlan plan, EventBusClient bus, SensorRuntimeOptions options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _plan = plan;
        _bus = bus;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SensorEngine>();
        _time = time;
    }

    /// <summary>The running workers by trigger name (while the engine runs).</summary>
    public IReadOnlyDictionary<string, TriggerWorker> Workers => _workers;

    /// <summary>Waits until every trigger's worker consumes (its consumers exist and its saved state is loaded).</summary>
    public async Task WaitUntilStartedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TriggerWorker[] workers;
            lock (_workers)
            {
                workers = [.. _workers.Values];
            }

            if (workers.Length == _plan.Triggers.Count && workers.All(w => w.Started.IsCompletedSuccessfully))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs every trigger (active-passive: this replica leads the sensor).</summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(triggerElection: null, cancellationToken);

    /// <summary>
    /// Runs the triggers. With <paramref name="triggerElection"/> (active-active), triggers whose conditions need no
    /// memory run on every replica, all pulling from the same durable consumers so each event fires once; a trigger with
    /// <c>&amp;&amp;</c> runs only where its own lease is held, so its partial state keeps a single writer.
    /// </summary>
    public async Task RunAsync(Func<TriggerPlan, ILeaderElector>? triggerElection, CancellationToken cancellationToken)
    {
        var state = await SensorStateStore.OpenAsync(_bus, _plan.Name, _options.StateReplicas, cancellationToken).ConfigureAwait(false);
        await state.ReconcileAsync(_plan, _bus, cancellationToken).ConfigureAwait(false);
        var background = new BackgroundActions(_options.MaxBackgroundActions);
        LogStarting(_logger, _plan.Name, _plan.Triggers.Count, state.Bucket);
        try
        {
            await Task.WhenAll(_plan.Triggers.Select(t => triggerElection is not null && t.RequiresAll
                ? RunElectedAsync(t, triggerElection(t), state, background, cancellationToken)
                : RunWithRestartsAsync(t, state, background, cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            // At-most-once firings were acknowledged already: let them finish rather than lose them.
            await background.DrainAsync(_options.BackgroundStopping).ConfigureAwait(false);
        }
    }

    private async Task RunElectedAsync(TriggerPlan trigger, ILeaderElector elector, SensorStateStore state, BackgroundActions background, CancellationToken cancellationToken)
    {
        await using (elector.ConfigureAwait(false))
        {
            try
            {
                await elector.RunAsync(leadership => RunWithRestartsAsync(trigger, state, background, leadership), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    private async Task RunWithRestartsAsync(TriggerPlan trigger, SensorStateStore state, BackgroundActions background, CancellationToken cancellationToken)
    {
        var logger = _loggerFactory.CreateLogger<TriggerWorker>();
        for (var failures = 0; !cancellationToken.IsCancellationRequested; failures++)
        {
            var worker = new TriggerWorker(_plan, trigger, _bus, state, background, _options, logger, _time);
            lock (_workers)
            {
                _workers[trigger.Name] = worker;
            }

            try
            {
                await worker.RunAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing trigger is restarted with back-off, as Argo reconnects; it must not end the others.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxRestartDelay.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures, 10))));
                LogTriggerFailed(_logger, e, _plan.Name, trigger.Name, delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor {Sensor}: starting {Count} trigger(s); state in bucket {Bucket}")]
    private static partial void LogStarting(ILogger logger, string sensor, int count, string bucket);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sensor {Sensor}: trigger {Trigger} stopped; restarting in {DelayMs} ms")]
    private static partial void LogTriggerFailed(ILogger logger, Exception error, string sensor, string trigger, double delayMs);
}
