using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ArgoEvents.ServiceDefaults.Metrics;

/// <summary>
/// Argo Events' metric set, with Argo's names and labels, so dashboards and alerts written for Argo keep working.
/// Every series also carries the constant label <c>namespace</c>.
/// </summary>
/// <remarks>
/// Argo exposes the two <c>*_duration_milliseconds</c> metrics as Prometheus summaries; these are histograms (in
/// milliseconds), because quantiles computed per replica cannot be aggregated across replicas and buckets can.
/// Method names follow Argo's Go metrics package. Recording allocates nothing: tags go on the stack in a <see cref="TagList"/>.
/// </remarks>
public sealed class ArgoEventsMetrics
{
    /// <summary>The name of the Meter all these instruments belong to.</summary>
    public const string MeterName = "ArgoEvents";

    /// <summary>Gauge of running event services per EventSource.</summary>
    public const string EventServiceRunningTotal = "argo_events_event_service_running_total";

    /// <summary>Counter of events published to the bus.</summary>
    public const string EventsSentTotal = "argo_events_events_sent_total";

    /// <summary>Counter of events that could not be published.</summary>
    public const string EventsSentFailedTotal = "argo_events_events_sent_failed_total";

    /// <summary>Counter of events whose processing (filtering, transforming) failed.</summary>
    public const string EventsProcessingFailedTotal = "argo_events_events_processing_failed_total";

    /// <summary>Histogram of event processing time, in milliseconds.</summary>
    public const string EventProcessingDurationMilliseconds = "argo_events_event_processing_duration_milliseconds";

    /// <summary>Counter of triggers fired.</summary>
    public const string ActionTriggeredTotal = "argo_events_action_triggered_total";

    /// <summary>Counter of triggers that failed.</summary>
    public const string ActionFailedTotal = "argo_events_action_failed_total";

    /// <summary>Counter of triggers that failed after exhausting their retries.</summary>
    public const string ActionRetriesFailedTotal = "argo_events_action_retries_failed_total";

    /// <summary>Histogram of trigger execution time, in milliseconds.</summary>
    public const string ActionDurationMilliseconds = "argo_events_action_duration_milliseconds";

    /// <summary>Label: the Kubernetes namespace (constant per process).</summary>
    public const string NamespaceLabel = "namespace";

    /// <summary>Label: the EventSource object's name.</summary>
    public const string EventSourceNameLabel = "eventsource_name";

    /// <summary>Label: the event name inside the EventSource.</summary>
    public const string EventNameLabel = "event_name";

    /// <summary>Label: the Sensor object's name.</summary>
    public const string SensorNameLabel = "sensor_name";

    /// <summary>Label: the trigger's template name.</summary>
    public const string TriggerNameLabel = "trigger_name";

    private readonly string _namespace;
    private readonly UpDownCounter<long> _eventServiceRunning;
    private readonly Counter<long> _eventsSent;
    private readonly Counter<long> _eventsSentFailed;
    private readonly Counter<long> _eventsProcessingFailed;
    private readonly Histogram<double> _eventProcessingDuration;
    private readonly Counter<long> _actionTriggered;
    private readonly Counter<long> _actionFailed;
    private readonly Counter<long> _actionRetriesFailed;
    private readonly Histogram<double> _actionDuration;

    /// <summary>Creates the instruments on a Meter named <see cref="MeterName"/> from <paramref name="meterFactory"/>.</summary>
    /// <param name="meterFactory">The host's meter factory, so the meter lives and dies with the host.</param>
    /// <param name="namespaceName">The value of the constant <c>namespace</c> label.</param>
    public ArgoEventsMetrics(IMeterFactory meterFactory, string namespaceName)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentException.ThrowIfNullOrWhiteSpace(namespaceName);
        _namespace = namespaceName;
        var meter = meterFactory.Create(MeterName);
        _eventServiceRunning = meter.CreateUpDownCounter<long>(EventServiceRunningTotal, description: "How many event services are running.");
        _eventsSent = meter.CreateCounter<long>(EventsSentTotal, description: "How many events were sent successfully.");
        _eventsSentFailed = meter.CreateCounter<long>(EventsSentFailedTotal, description: "How many events failed to send.");
        _eventsProcessingFailed = meter.CreateCounter<long>(EventsProcessingFailedTotal, description: "How many events failed to process.");
        _eventProcessingDuration = meter.CreateHistogram<double>(EventProcessingDurationMilliseconds, unit: "ms", description: "Event processing duration in milliseconds.");
        _actionTriggered = meter.CreateCounter<long>(ActionTriggeredTotal, description: "How many actions were triggered successfully.");
        _actionFailed = meter.CreateCounter<long>(ActionFailedTotal, description: "How many actions failed.");
        _actionRetriesFailed = meter.CreateCounter<long>(ActionRetriesFailedTotal, description: "How many actions failed after all retries.");
        _actionDuration = meter.CreateHistogram<double>(ActionDurationMilliseconds, unit: "ms", description: "Action triggering duration in milliseconds.");
    }

    /// <summary>Counts an event service (one event of an EventSource) as running.</summary>
    public void EventServiceStarted(string eventSourceName) => _eventServiceRunning.Add(1, EventSourceTags(eventSourceName));

    /// <summary>Counts an event service as no longer running.</summary>
    public void EventServiceStopped(string eventSourceName) => _eventServiceRunning.Add(-1, EventSourceTags(eventSourceName));

    /// <summary>Counts an event published to the bus.</summary>
    public void EventSent(string eventSourceName, string eventName) => _eventsSent.Add(1, EventTags(eventSourceName, eventName));

    /// <summary>Counts an event that could not be published.</summary>
    public void EventSentFailed(string eventSourceName, string eventName) => _eventsSentFailed.Add(1, EventTags(eventSourceName, eventName));

    /// <summary>Counts an event whose processing failed.</summary>
    public void EventProcessingFailed(string eventSourceName, string eventName) => _eventsProcessingFailed.Add(1, EventTags(eventSourceName, eventName));

    /// <summary>Records how long processing one event took, in milliseconds.</summary>
    public void EventProcessingDuration(string eventSourceName, string eventName, double milliseconds) =>
        _eventProcessingDuration.Record(milliseconds, EventTags(eventSourceName, eventName));

    /// <summary>Records how long processing one event took.</summary>
    public void EventProcessingDuration(string eventSourceName, string eventName, TimeSpan duration) =>
        EventProcessingDuration(eventSourceName, eventName, duration.TotalMilliseconds);

    /// <summary>Counts a trigger fired successfully.</summary>
    public void ActionTriggered(string sensorName, string triggerName) => _actionTriggered.Add(1, TriggerTags(sensorName, triggerName));

    /// <summary>Counts a trigger that failed.</summary>
    public void ActionFailed(string sensorName, string triggerName) => _actionFailed.Add(1, TriggerTags(sensorName, triggerName));

    /// <summary>Counts a trigger that failed after exhausting its retries.</summary>
    public void ActionRetriesFailed(string sensorName, string triggerName) => _actionRetriesFailed.Add(1, TriggerTags(sensorName, triggerName));

    /// <summary>Records how long firing one trigger took, in milliseconds.</summary>
    public void ActionDuration(string sensorName, string triggerName, double milliseconds) =>
        _actionDuration.Record(milliseconds, TriggerTags(sensorName, triggerName));

    /// <summary>Records how long firing one trigger took.</summary>
    public void ActionDuration(string sensorName, string triggerName, TimeSpan duration) =>
        ActionDuration(sensorName, triggerName, duration.TotalMilliseconds);

    private TagList EventSourceTags(string eventSourceName)
    {
        ArgumentNullException.ThrowIfNull(eventSourceName);
        return new TagList
        {
            { NamespaceLabel, _namespace },
            { EventSourceNameLabel, eventSourceName },
        };
    }

    private TagList EventTags(string eventSourceName, string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventSourceName);
        ArgumentNullException.ThrowIfNull(eventName);
        return new TagList
        {
            { NamespaceLabel, _namespace },
            { EventSourceNameLabel, eventSourceName },
            { EventNameLabel, eventName },
        };
    }

    private TagList TriggerTags(string sensorName, string triggerName)
    {
        ArgumentNullException.ThrowIfNull(sensorName);
        ArgumentNullException.ThrowIfNull(triggerName);
        return new TagList
        {
            { NamespaceLabel, _namespace },
            { SensorNameLabel, sensorName },
            { TriggerNameLabel, triggerName },
        };
    }
}
