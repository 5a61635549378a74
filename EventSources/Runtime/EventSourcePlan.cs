using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Filtering;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>
/// What this process runs for its EventSource, decided once at start: the webhook routes (served on every replica)
/// and the active sources, which run on every replica for active-active types and only on the leader for
/// active-passive ones.
/// </summary>
public sealed class EventSourcePlan
{
    private EventSourcePlan(EventSource eventSource, HighAvailabilityMode mode, WebhookRouteTable routes, IReadOnlyList<IActiveSource> activeSources)
    {
        EventSource = eventSource;
        Mode = mode;
        Routes = routes;
        ActiveSources = activeSources;
    }

    /// <summary>The EventSource.</summary>
    public EventSource EventSource { get; }

    /// <summary>The EventSource's name.</summary>
    public string Name => EventSource.Metadata.Name!;

    /// <summary>How replicas share the work.</summary>
    public HighAvailabilityMode Mode { get; }

    /// <summary>The webhook routes.</summary>
    public WebhookRouteTable Routes { get; }

    /// <summary>The active sources.</summary>
    public IReadOnlyList<IActiveSource> ActiveSources { get; }

    /// <summary>The identity (event name to type string) used for CloudEvents.</summary>
    public static EventSourceIdentity IdentityOf(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        return new EventSourceIdentity(eventSource.Metadata.Name!, eventSource.Spec.Events.ToDictionary(e => e.Name, e => e.Type.TypeName));
    }

    /// <summary>
    /// Builds every source of the EventSource. Events with a <c>filter.expression</c> get it compiled here and applied
    /// to everything they dispatch.
    /// </summary>
    /// <exception cref="NotSupportedException">A type is not run by this build.</exception>
    /// <exception cref="InvalidOperationException">
    /// A source cannot run as specified, or filter expressions are refused; the message names the field.
    /// </exception>
    public static EventSourcePlan Create(EventSource eventSource, SourceRegistry registry, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(context);
        var filters = EventFilterSet.Compile(eventSource);
        if (filters.Count > 0)
        {
            var logger = context.LoggerFactory.CreateLogger<FilteringEventDispatcher>();
            context = context with { Dispatcher = new FilteringEventDispatcher(context.Dispatcher, filters, context.EventSourceName, logger) };
        }

        var routes = new WebhookRouteTable();
        var active = new List<IActiveSource>();
        var events = eventSource.Spec.Events.ToList();
        foreach (var namedSource in events)
        {
            var parts = registry.For(namedSource.Type, context.EventSourceName).Create(namedSource, context);
            foreach (var route in parts.Routes)
            {
                routes.Add(route);
            }

            if (parts.Active is not null)
            {
                active.Add(parts.Active);
            }
        }

        // Validation refuses a mix of modes, so the first event's type decides, as in Argo.
        var mode = events.Count > 0 ? events[0].Type.HighAvailability : HighAvailabilityMode.ActiveActive;
        return new EventSourcePlan(eventSource, mode, routes, active);
    }
}
