namespace ArgoEvents.Sensors.Filters;

/// <summary>The CloudEvents attributes of an event that context and time filters look at.</summary>
/// <param name="Type"><c>type</c>: the EventSource type.</param>
/// <param name="Subject"><c>subject</c>: the event name.</param>
/// <param name="Source"><c>source</c>: the EventSource name.</param>
/// <param name="DataContentType"><c>datacontenttype</c>.</param>
/// <param name="Time"><c>time</c>.</param>
public sealed record FilterEventContext(string Type, string Subject, string Source, string DataContentType, DateTimeOffset Time);
