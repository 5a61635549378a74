namespace ArgoEvents.Sensors.Events;

/// <summary>
/// The CloudEvent attributes a sensor keeps of an event, as Argo's <c>v1alpha1.EventContext</c> holds them. Absent
/// attributes are empty strings, as they are in Argo after <c>convertEvent</c>.
/// </summary>
/// <param name="Id">The CloudEvent id.</param>
/// <param name="Source">The EventSource name.</param>
/// <param name="SpecVersion">The CloudEvents spec version ("1.0").</param>
/// <param name="Type">The EventSource type (webhook, calendar, ...).</param>
/// <param name="DataContentType">The media type of the data.</param>
/// <param name="Subject">The event name within the EventSource.</param>
/// <param name="Time">When the event happened.</param>
public sealed record SensorEventContext(
    string Id,
    string Source,
    string SpecVersion,
    string Type,
    string DataContentType,
    string Subject,
    DateTimeOffset Time);
