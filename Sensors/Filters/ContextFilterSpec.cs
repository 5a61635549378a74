namespace ArgoEvents.Sensors.Filters;

/// <summary>A dependency's <c>filters.context</c>: CloudEvents attributes that must be equal when given (empty = any).</summary>
/// <param name="Type">Expected <c>type</c> (the EventSource type).</param>
/// <param name="Subject">Expected <c>subject</c> (the event name).</param>
/// <param name="Source">Expected <c>source</c> (the EventSource name).</param>
/// <param name="DataContentType">Expected <c>datacontenttype</c>.</param>
public sealed record ContextFilterSpec(string? Type = null, string? Subject = null, string? Source = null, string? DataContentType = null);
