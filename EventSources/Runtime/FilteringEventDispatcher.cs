using ArgoEvents.EventSources.Filtering;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>
/// Applies each event's <c>filter.expression</c> before publishing, as Argo's dispatch does: an event that fails the
/// filter, or whose evaluation fails, is dropped and counts as handled, so the source acknowledges it upstream.
/// </summary>
internal sealed partial class FilteringEventDispatcher : IEventDispatcher
{
    private readonly IEventDispatcher _inner;
    private readonly EventFilterSet _filters;
    private readonly string _eventSourceName;
    private readonly ILogger _logger;

    public FilteringEventDispatcher(IEventDispatcher inner, EventFilterSet filters, string eventSourceName, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(logger);
        _inner = inner;
        _filters = filters;
        _eventSourceName = eventSourceName;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task DispatchAsync(string eventName, ReadOnlyMemory<byte> payload, string? id = null, CancellationToken cancellationToken = default)
    {
        if (_filters.For(eventName) is { } filter)
        {
            bool keep;
            try
            {
                keep = filter.Matches(payload);
            }
            catch (ExprRuntimeException e)
            {
                LogFilterFailed(_logger, _eventSourceName, eventName, e.Message);
                return Task.CompletedTask;
            }

            if (!keep)
            {
                LogFilteredOut(_logger, _eventSourceName, eventName);
                return Task.CompletedTask;
            }
        }

        return _inner.DispatchAsync(eventName, payload, id, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "EventSource {EventSource}: event {EventName} does not meet its filter expression; not published")]
    private static partial void LogFilteredOut(ILogger logger, string eventSource, string eventName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "EventSource {EventSource}: the filter expression of event {EventName} failed: {Reason}; the event is dropped")]
    private static partial void LogFilterFailed(ILogger logger, string eventSource, string eventName, string reason);
}
