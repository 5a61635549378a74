using System.Diagnostics;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.ServiceDefaults.Metrics;
using ArgoEvents.ServiceDefaults.EventBus;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>Turns payloads into Argo's CloudEvents and publishes them on the bus, counting them in Argo's metrics.</summary>
public sealed class BusEventDispatcher : IEventDispatcher
{
    /// <summary>The activity source of event publication.</summary>
    public static readonly ActivitySource ActivitySource = new("ArgoEvents.EventSources");

    private readonly EventBusConnection _bus;
    private readonly EventSourceIdentity _identity;
    private readonly ArgoEventsMetrics _metrics;
    private readonly TimeProvider _time;

    /// <summary>Creates the dispatcher.</summary>
    public BusEventDispatcher(EventBusConnection bus, EventSourceIdentity identity, ArgoEventsMetrics metrics, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(metrics);
        _bus = bus;
        _identity = identity;
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task DispatchAsync(string eventName, ReadOnlyMemory<byte> payload, string? id = null, CancellationToken cancellationToken = default)
    {
        var type = _identity.TypeOf(eventName);
        using var activity = ActivitySource.StartActivity($"publish {_identity.Name}.{eventName}", ActivityKind.Producer);
        var cloudEvent = new CloudEvent(id ?? EventIds.NewRandom(), _identity.Name, type)
        {
            Subject = eventName,
            DataContentType = "application/json",
            Time = _time.GetUtcNow(),
        };
        cloudEvent.SetData(payload);
        try
        {
            var client = await _bus.GetClientAsync(cancellationToken).ConfigureAwait(false);
            await client.PublishAsync(_identity.Name, eventName, cloudEvent, cancellationToken).ConfigureAwait(false);
            _metrics.EventSent(_identity.Name, eventName);
        }
        catch
        {
            _metrics.EventSentFailed(_identity.Name, eventName);
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
    }
}
