using System.Threading.Channels;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.Sensors.Events;
using ArgoEvents.Sensors.Filters;
using ArgoEvents.Sensors.Transforms;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// Runs one trigger as Argo's JetStream trigger connection does: one durable pull consumer per distinct subject of its
/// dependencies, every message handled in order by one loop (dedupe by event id, transform, filter, conditions,
/// action), partial state in the sensor's bucket, acks after handling. Beyond Argo: with <c>atLeastOnce</c> a firing
/// whose every attempt and DLQ trigger failed is not acknowledged but redelivered later (nothing accepted is lost), and
/// the pulls are batched instead of one message per request.
/// </summary>
internal sealed partial class TriggerWorker
{
    private static readonly TimeSpan InProgressEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan DedupeWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxRedeliveryDelay = TimeSpan.FromMinutes(1);

    private readonly SensorPlan _sensor;
    private readonly TriggerPlan _trigger;
    private readonly EventBusClient _bus;
    private readonly SensorStateStore _state;
    private readonly BackgroundActions _background;
    private readonly SensorRuntimeOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly RecentEventIds _recent;
    private readonly Dictionary<(string Source, string Subject), DependencyPlan[]> _dependenciesByEvent;
    private Dictionary<string, PartialStateRecord> _partial = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile InFlight? _current;

    public TriggerWorker(SensorPlan sensor, TriggerPlan trigger, EventBusClient bus, SensorStateStore state, BackgroundActions background, SensorRuntimeOptions options, ILogger logger, TimeProvider time)
    {
        _sensor = sensor;
        _trigger = trigger;
        _bus = bus;
        _state = state;
        _background = background;
        _options = options;
        _logger = logger;
        _time = time;
        _recent = new RecentEventIds(time, DedupeWindow);
        _dependenciesByEvent = trigger.Dependencies
            .GroupBy(d => (d.EventSourceName, d.EventName))
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Completes once the consumers exist and the saved state is loaded: events published from then on are seen.</summary>
    public Task Started => _started.Task;

    /// <summary>The events this trigger holds while its conditions are unmet, by dependency (for tests and metrics).</summary>
    public IReadOnlyDictionary<string, PartialStateRecord> PartialState => _partial;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // One consumer per subject; when several dependencies share a subject the last one names it, as in Argo.
        var bySubject = new Dictionary<string, DependencyPlan>(StringComparer.Ordinal);
        foreach (var dependency in _trigger.Dependencies)
        {
            bySubject[dependency.Subject] = dependency;
        }

        var consumers = new List<PullConsumer>();
        foreach (var dependency in bySubject.Values)
        {
            consumers.Add(await _bus.EnsureSensorConsumerAsync(_sensor.Name, _trigger.Name, dependency.Name, dependency.EventSourceName, dependency.EventName, cancellationToken).ConfigureAwait(false));
        }

        if (_trigger.RequiresAll)
        {
            await LoadStateAsync(cancellationToken).ConfigureAwait(false);
        }

        var work = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(_options.PullBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feeders = consumers.Select(c => PumpAsync(c, work.Writer, stop.Token))
            .Concat(_trigger.Resets.Select(r => ResetOnScheduleAsync(r, work.Writer, stop.Token)))
            .Append(KeepInProgressAsync(stop.Token))
            .ToList();
        var processing = ProcessAsync(work.Reader, stop.Token);
        LogStarted(_logger, _sensor.Name, _trigger.Name, string.Join(", ", consumers.Select(c => c.Name)), _partial.Count);
        _started.TrySetResult();

        // The first to end (a consumer failing, or the stop) ends them all; its error restarts the worker.
        var first = await Task.WhenAny(feeders.Append(processing)).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(feeders.Append(processing)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            await first.ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(PullConsumer consumer, ChannelWriter<WorkItem> work, CancellationToken cancellationToken)
    {
        var options = new ConsumeOptions { MaxMessages = _options.PullBatch, Expires = TimeSpan.FromSeconds(30), IdleHeartbeat = TimeSpan.FromSeconds(5) };
        await foreach (var message in consumer.ConsumeAsync(options, cancellationToken).ConfigureAwait(false))
        {
            await work.WriteAsync(new WorkItem(message), cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException($"consumer {consumer.Name} stopped delivering (the bus connection closed)");
    }

    private async Task ResetOnScheduleAsync(ConditionsResetSchedule schedule, ChannelWriter<WorkItem> work, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            var next = schedule.NextAfter(now);
            await Task.Delay(next - now, _time, cancellationToken).ConfigureAwait(false);
            await work.WriteAsync(WorkItem.Reset, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task KeepInProgressAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(InProgressEvery, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_current is { } inFlight && _time.GetElapsedTime(inFlight.Since) >= InProgressEvery)
            {
                try
                {
                    await inFlight.Message.InProgressAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogInProgressFailed(_logger, _sensor.Name, _trigger.Name, e.Message);
                }
            }
        }
    }

    private async Task ProcessAsync(ChannelReader<WorkItem> work, CancellationToken cancellationToken)
    {
        await foreach (var item in work.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Message is not { } message)
            {
                await ResetAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            _current = new InFlight(message, _time.GetTimestamp());
            try
            {
                var delivery = await HandleAsync(message, cancellationToken).ConfigureAwait(false);
                if (delivery == Delivery.Done)
                {
                    await message.AckAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await message.NakAsync(RedeliveryDelay(message), cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _current = null;
            }
        }
    }

    private async Task<Delivery> HandleAsync(JsMsg message, CancellationToken cancellationToken)
    {
        CloudEvent cloudEvent;
        try
        {
            cloudEvent = EventBusClient.ReadEvent(message);
        }
        catch (CloudEventValidationException e)
        {
            LogUnreadable(_logger, _sensor.Name, _trigger.Name, message.Subject, e.Message);
            return Delivery.Done;
        }

        if (_recent.Contains(cloudEvent.Id))
        {
            return Delivery.Done;
        }

        if (!_dependenciesByEvent.TryGetValue((cloudEvent.Source, cloudEvent.Subject ?? string.Empty), out var dependencies))
        {
            LogNoDependency(_logger, _sensor.Name, _trigger.Name, cloudEvent.Source, cloudEvent.Subject ?? string.Empty);
            return Delivery.Done;
        }

        var sensorEvent = SensorEvent.FromCloudEvent(cloudEvent);
        var delivery = Delivery.Done;
        foreach (var dependency in dependencies)
        {
            if (await HandleDependencyAsync(message, sensorEvent, dependency, cancellationToken).ConfigureAwait(false) == Delivery.Redeliver)
            {
                delivery = Delivery.Redeliver;
            }
        }

        if (delivery == Delivery.Done)
        {
            _recent.Add(cloudEvent.Id);
        }

        return delivery;
    }

    private async Task<Delivery> HandleDependencyAsync(JsMsg message, SensorEvent sensorEvent, DependencyPlan dependency, CancellationToken cancellationToken)
    {
        if (dependency.Transform is { } transform)
        {
            try
            {
                sensorEvent = transform.Apply(sensorEvent);
            }
            catch (TransformException e)
            {
                LogTransformFailed(_logger, _sensor.Name, _trigger.Name, dependency.Name, sensorEvent.Context.Id, e.Message);
                return Delivery.Done;
            }
        }

        if (dependency.Filter is { } filter)
        {
            var context = sensorEvent.Context;
            var result = filter.Evaluate(new FilterEventContext(context.Type, context.Subject, context.Source, context.DataContentType, context.Time), sensorEvent.Data, sensorEvent.DataIsWellFormedJson);
            if (result.Error is { } error)
            {
                LogFilterError(_logger, _sensor.Name, _trigger.Name, dependency.Name, sensorEvent.Context.Id, result.Passed ? "passed" : "discarded", error);
            }

            if (!result.Passed)
            {
                return Delivery.Done;
            }
        }

        if (!_trigger.RequiresAll)
        {
            return await FireAsync(new Dictionary<string, SensorEvent>(1, StringComparer.Ordinal) { [dependency.Name] = sensorEvent }, cancellationToken).ConfigureAwait(false);
        }

        if (_trigger.IsSatisfied(name => name == dependency.Name || _partial.ContainsKey(name)))
        {
            var events = new Dictionary<string, SensorEvent>(_partial.Count + 1, StringComparer.Ordinal);
            foreach (var (name, record) in _partial)
            {
                events[name] = record.Event;
            }

            events[dependency.Name] = sensorEvent;
            if (await FireAsync(events, cancellationToken).ConfigureAwait(false) == Delivery.Redeliver)
            {
                // The state stays as it was: the redelivered message meets it again and fires then.
                return Delivery.Redeliver;
            }

            await ClearStateAsync(before: null, cancellationToken).ConfigureAwait(false);
            return Delivery.Done;
        }

        var metadata = message.Metadata;
        var saved = new PartialStateRecord(metadata.StreamSequence, metadata.ConsumerSequence, metadata.Timestamp, sensorEvent);
        await _state.SaveAsync(_trigger.Name, dependency.Name, saved, cancellationToken).ConfigureAwait(false);
        _partial[dependency.Name] = saved;
        return Delivery.Done;
    }

    private async Task<Delivery> FireAsync(Dictionary<string, SensorEvent> events, CancellationToken cancellationToken)
    {
        if (_trigger.AtLeastOnce)
        {
            return await _trigger.Action.RunAsync(events, cancellationToken).ConfigureAwait(false) ? Delivery.Done : Delivery.Redeliver;
        }

        var action = _trigger.Action;
        var stopping = _options.BackgroundStopping;
        await _background.StartAsync(() => action.RunAsync(events, stopping), cancellationToken).ConfigureAwait(false);
        return Delivery.Done;
    }

    private async Task LoadStateAsync(CancellationToken cancellationToken)
    {
        _partial = await _state.LoadAsync(
            _trigger.Name,
            _trigger.Dependencies.Select(d => d.Name),
            (key, e) => LogUnreadableState(_logger, _sensor.Name, key, e.Message),
            cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var lastReset = _trigger.Resets.Select(r => r.LatestAtOrBefore(now)).Max();
        if (lastReset is { } before)
        {
            await ClearStateAsync(before, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ResetAsync(CancellationToken cancellationToken)
    {
        LogReset(_logger, _sensor.Name, _trigger.Name, _partial.Count);
        await ClearStateAsync(before: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task ClearStateAsync(DateTimeOffset? before, CancellationToken cancellationToken)
    {
        foreach (var (name, record) in _partial.ToList())
        {
            if (before is null || record.Timestamp < before)
            {
                await _state.DeleteAsync(_trigger.Name, name, cancellationToken).ConfigureAwait(false);
                _partial.Remove(name);
            }
        }
    }

    private static TimeSpan RedeliveryDelay(JsMsg message)
    {
        var deliveries = message.Metadata.NumDelivered;
        var seconds = Math.Min(MaxRedeliveryDelay.TotalSeconds, Math.Pow(2, Math.Min(deliveries, 16) - 1));
        return TimeSpan.FromSeconds(seconds);
    }

    private enum Delivery
    {
        Done,
        Redeliver,
    }

    private readonly record struct WorkItem(JsMsg? Message)
    {
        public static WorkItem Reset => default;
    }

    private sealed record InFlight(JsMsg Message, long Since);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor {Sensor}: trigger {Trigger} consuming with {Consumers}; {Saved} saved dependency event(s) restored")]
    private static partial void LogStarted(ILogger logger, string sensor, string trigger, string consumers, int saved);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor}: trigger {Trigger} dropped a message on {Subject} that is not a CloudEvent: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string sensor, string trigger, string subject, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor}: trigger {Trigger} has no dependency on event {Source}/{Subject}")]
    private static partial void LogNoDependency(ILogger logger, string sensor, string trigger, string source, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor}: trigger {Trigger}, dependency {Dependency}: transform failed for event {EventId}: {Reason}")]
    private static partial void LogTransformFailed(ILogger logger, string sensor, string trigger, string dependency, string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor}: trigger {Trigger}, dependency {Dependency}: event {EventId} {Outcome} with filtering error: {Reason}")]
    private static partial void LogFilterError(ILogger logger, string sensor, string trigger, string dependency, string eventId, string outcome, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor}: unreadable partial state under {Key} deleted: {Reason}")]
    private static partial void LogUnreadableState(ILogger logger, string sensor, string key, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor {Sensor}: trigger {Trigger} conditions reset; {Count} saved event(s) forgotten")]
    private static partial void LogReset(ILogger logger, string sensor, string trigger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor}: trigger {Trigger} could not extend the ack deadline: {Reason}")]
    private static partial void LogInProgressFailed(ILogger logger, string sensor, string trigger, string reason);
}
