using ArgoEvents.ServiceDefaults.Metrics;
using ArgoEvents.ServiceDefaults.Shutdown;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ArgoEvents.ServiceDefaults.Secrets;
using ArgoEvents.ServiceDefaults.EventBus;

namespace ArgoEvents.EventSources.Runtime;

/// <summary>What every source gets: who it is, where events go, secrets, and the service's shared parts.</summary>
public sealed record SourceContext(
    string EventSourceName,
    IEventDispatcher Dispatcher,
    SecretResolver Secrets,
    EventBusConnection Bus,
    ArgoEventsMetrics Metrics,
    IShutdownSignal Shutdown,
    IConfiguration Configuration,
    ILoggerFactory LoggerFactory,
    TimeProvider Time);
