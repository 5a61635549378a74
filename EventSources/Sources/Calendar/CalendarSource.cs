using ArgoEvents.EventSources.Runtime;
using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// One calendar event: publishes a tick when its time comes, never before. Each tick's event id is derived from the
/// event and the tick's scheduled time, so a tick published by both an old and a new leader is stored once; after
/// each publication the tick is recorded in the KV bucket, and a (re)start first publishes, in order, the ticks
/// missed since the recorded one (bounded by the <see cref="CatchUpPolicy"/>).
/// </summary>
public sealed partial class CalendarSource : IActiveSource
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly CalendarSourceOptions _options;
    private readonly IEventDispatcher _dispatcher;
    private readonly CalendarTickStore _store;
    private readonly ArgoEventsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the source.</summary>
    public CalendarSource(CalendarSourceOptions options, IEventDispatcher dispatcher, CalendarTickStore store, ArgoEventsMetrics metrics, TimeProvider time, ILogger<CalendarSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _dispatcher = dispatcher;
        _store = store;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string EventName => _options.EventName;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lastTick = await ReadLastTickAsync(cancellationToken).ConfigureAwait(false);
        var cursor = lastTick ?? _time.GetUtcNow();
        LogStarting(_logger, _options.EventSourceName, EventName, lastTick is { } t ? CalendarTickText.Write(t) : "none");
        for (var failures = 0; ; )
        {
            cancellationToken.ThrowIfCancellationRequested();
            var floor = _options.CatchUp.Floor(cursor, _time.GetUtcNow());
            if (_options.Schedule.Next(floor) is not { } tick)
            {
                LogNoMoreTicks(_logger, _options.EventSourceName, EventName);
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await WaitUntilAsync(tick, cancellationToken).ConfigureAwait(false);
            if (!await TryPublishAsync(tick, cancellationToken).ConfigureAwait(false))
            {
                // The same tick is tried again: its id is stable, so a publication that did reach the bus is not doubled.
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures++, 10))));
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            failures = 0;
            cursor = tick;
            await RecordAsync(tick, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DateTimeOffset?> ReadLastTickAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _store.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            LogUnreadableLastTick(_logger, _options.EventSourceName, EventName, e.Message);
            return null;
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset tick, CancellationToken cancellationToken)
    {
        // Timers may wake a little early; a tick is never published before its time.
        for (var remaining = tick - _time.GetUtcNow(); remaining > TimeSpan.Zero; remaining = tick - _time.GetUtcNow())
        {
            await Task.Delay(remaining < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : remaining, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryPublishAsync(DateTimeOffset tick, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var tickText = CalendarTickText.Write(tick);
        var payload = CalendarPayload.Build(GoTimeText.Format(tick, _options.Zone), _options.Metadata);
        try
        {
            await _dispatcher.DispatchAsync(EventName, payload, EventIds.Derived(_options.EventSourceName, EventName, tickText), cancellationToken).ConfigureAwait(false);
            LogPublished(_logger, _options.EventSourceName, EventName, tickText);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever failed the publication, the tick stays due and is tried again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _metrics.EventProcessingFailed(_options.EventSourceName, EventName);
            LogPublishFailed(_logger, e, _options.EventSourceName, EventName, tickText);
            return false;
        }
        finally
        {
            _metrics.EventProcessingDuration(_options.EventSourceName, EventName, _time.GetElapsedTime(started));
        }
    }

    private async Task RecordAsync(DateTimeOffset tick, CancellationToken cancellationToken)
    {
        try
        {
            await _store.WriteAsync(tick, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The tick is published; a missed record only widens the next catch-up, which the event id makes harmless.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRecordFailed(_logger, _options.EventSourceName, EventName, CalendarTickText.Write(tick), e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar {EventSource}.{EventName}: starting; last published tick {LastTick}")]
    private static partial void LogStarting(ILogger logger, string eventSource, string eventName, string lastTick);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Calendar {EventSource}.{EventName}: published the tick of {Tick}")]
    private static partial void LogPublished(ILogger logger, string eventSource, string eventName, string tick);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar {EventSource}.{EventName}: the schedule has no tick within five years; nothing more will fire")]
    private static partial void LogNoMoreTicks(ILogger logger, string eventSource, string eventName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar {EventSource}.{EventName}: ignoring the stored last tick: {Reason}")]
    private static partial void LogUnreadableLastTick(ILogger logger, string eventSource, string eventName, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calendar {EventSource}.{EventName}: publishing the tick of {Tick} failed; retrying")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string eventSource, string eventName, string tick);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar {EventSource}.{EventName}: published the tick of {Tick} but could not record it: {Reason}")]
    private static partial void LogRecordFailed(ILogger logger, string eventSource, string eventName, string tick, string reason);
}
