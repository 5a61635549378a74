using System.Reflection;
using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.EventSources.Filtering;

/// <summary>The compiled <c>filter.expression</c> of every event of an EventSource that has one.</summary>
internal sealed class EventFilterSet
{
    private readonly Dictionary<string, EventFilter> _filters;

    private EventFilterSet(Dictionary<string, EventFilter> filters) => _filters = filters;

    public int Count => _filters.Count;

    public EventFilter? For(string eventName) => _filters.GetValueOrDefault(eventName);

    /// <summary>Compiles every event's filter.</summary>
    /// <exception cref="InvalidOperationException">One line per refused expression, naming its field and column.</exception>
    public static EventFilterSet Compile(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        var filters = new Dictionary<string, EventFilter>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var named in eventSource.Spec.Events)
        {
            if (FilterOf(named.Source)?.Expression is not { } expression || string.IsNullOrWhiteSpace(expression))
            {
                continue;
            }

            try
            {
                filters[named.Name] = EventFilter.Compile(expression);
            }
            catch (ExprSyntaxException e)
            {
                errors.Add($"spec.{named.Type.SpecKey}.{named.Name}.filter.expression: {e.Message} in \"{expression}\"");
            }
        }

        return errors.Count == 0
            ? new EventFilterSet(filters)
            : throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
    }

    // Every source type that has Argo's 'filter' field carries it as a property of type EventSourceFilter.
    private static EventSourceFilter? FilterOf(EventSourceEntry entry) =>
        entry.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.PropertyType == typeof(EventSourceFilter))?.GetValue(entry) as EventSourceFilter;
}
