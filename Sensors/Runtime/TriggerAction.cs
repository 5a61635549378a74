using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Parameters;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// Fires one trigger for a set of events as Argo's action does: the trigger-level <c>parameters</c> are applied to the
/// template, each attempt waits for the rate limit, failed attempts are retried per <c>retryStrategy</c>, and when
/// every attempt failed the <c>dlqTrigger</c> (with its own retry strategy, not its own DLQ) gets the same events.
/// </summary>
internal sealed partial class TriggerAction : IAsyncDisposable
{
    private readonly string _sensorName;
    private readonly Trigger _spec;
    private readonly ITrigger _trigger;
    private readonly RetryBackoff _retry;
    private readonly TriggerRateLimiter? _rateLimiter;
    private readonly TriggerAction? _dlq;
    private readonly ArgoEventsMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public TriggerAction(string sensorName, Trigger spec, ITrigger trigger, RetryBackoff retry, TriggerRateLimiter? rateLimiter, TriggerAction? dlq, ArgoEventsMetrics? metrics, ILogger logger, TimeProvider time)
    {
        _sensorName = sensorName;
        _spec = spec;
        _trigger = trigger;
        _retry = retry;
        _rateLimiter = rateLimiter;
        _dlq = dlq;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        Name = spec.Template?.Name ?? string.Empty;
    }

    public string Name { get; }

    /// <summary>Whether the action, or failing that its DLQ trigger, succeeded.</summary>
    public async Task<bool> RunAsync(IReadOnlyDictionary<string, SensorEvent> events, CancellationToken cancellationToken)
    {
        Exception? lastError = null;
        var attempts = 0;
        foreach (var wait in Attempts())
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            attempts++;
            lastError = await TryOnceAsync(events, cancellationToken).ConfigureAwait(false);
            if (lastError is null)
            {
                return true;
            }
        }

        _metrics?.ActionRetriesFailed(_sensorName, Name);
        LogGaveUp(_logger, lastError, _sensorName, Name, attempts, EventIds(events));
        return _dlq is not null && await _dlq.RunAsync(events, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _trigger.DisposeAsync().ConfigureAwait(false);
        if (_dlq is not null)
        {
            await _dlq.DisposeAsync().ConfigureAwait(false);
        }
    }

    private IEnumerable<TimeSpan> Attempts()
    {
        yield return TimeSpan.Zero;
        foreach (var wait in _retry.Waits(Random.Shared))
        {
            yield return wait;
        }
    }

    private async Task<Exception?> TryOnceAsync(IReadOnlyDictionary<string, SensorEvent> events, CancellationToken cancellationToken)
    {
        if (_rateLimiter is not null)
        {
            await _rateLimiter.TakeAsync(cancellationToken).ConfigureAwait(false);
        }

        var started = _time.GetTimestamp();
        try
        {
            var template = _spec.Parameters.Count == 0
                ? _spec.Template!
                : TriggerParameters.ApplyToModel(_spec.Template!, _spec.Parameters, events);
            await _trigger.ExecuteAsync(new TriggerInvocation(template, events), cancellationToken).ConfigureAwait(false);
            _metrics?.ActionTriggered(_sensorName, Name);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                LogTriggered(_logger, _sensorName, Name, EventIds(events));
            }

            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a trigger is an attempt that failed; the retry strategy decides what follows.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _metrics?.ActionFailed(_sensorName, Name);
            LogAttemptFailed(_logger, _sensorName, Name, e.Message);
            return e;
        }
        finally
        {
            _metrics?.ActionDuration(_sensorName, Name, _time.GetElapsedTime(started));
        }
    }

    private static string EventIds(IReadOnlyDictionary<string, SensorEvent> events) =>
        string.Join(", ", events.Select(e => $"{e.Key}={e.Value.Context.Id}"));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sensor {Sensor}: trigger {Trigger} fired for {Events}")]
    private static partial void LogTriggered(ILogger logger, string sensor, string trigger, string events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor}: trigger {Trigger} failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, string sensor, string trigger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sensor {Sensor}: trigger {Trigger} failed after {Attempts} attempt(s) for {Events}")]
    private static partial void LogGaveUp(ILogger logger, Exception? error, string sensor, string trigger, int attempts, string events);
}
