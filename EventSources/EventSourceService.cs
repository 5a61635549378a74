using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Amqp;
using ArgoEvents.EventSources.Sources.Bitbucket;
using ArgoEvents.EventSources.Sources.BitbucketServer;
using ArgoEvents.EventSources.Sources.Calendar;
using ArgoEvents.EventSources.Sources.Files;
using ArgoEvents.EventSources.Sources.Github;
using ArgoEvents.EventSources.Sources.Gitlab;
using ArgoEvents.EventSources.Sources.Nats;
using ArgoEvents.EventSources.Sources.Redis;
using ArgoEvents.EventSources.Sources.RedisStream;
using ArgoEvents.EventSources.Sources.Slack;
using ArgoEvents.EventSources.Sources.Sns;
using ArgoEvents.EventSources.Sources.StorageGrid;
using ArgoEvents.EventSources.Sources.Stripe;
using ArgoEvents.EventSources.Sources.Webhook;
using ArgoEvents.ServiceDefaults;
using ArgoEvents.ServiceDefaults.Health;
using ArgoEvents.ServiceDefaults.Metrics;
using ArgoEvents.ServiceDefaults.Shutdown;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ArgoEvents.ServiceDefaults.Manifests;
using ArgoEvents.ServiceDefaults.Secrets;
using ArgoEvents.ServiceDefaults.EventBus;

namespace ArgoEvents.EventSources;

/// <summary>
/// The EventSource service: one process runs one EventSource object. It serves the webhook routes on the ports the
/// spec names (every replica), runs the active sources (all replicas, or the leader only), and exposes
/// <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> on its own port.
/// </summary>
public static class EventSourceService
{
    /// <summary>Argo's metrics port, used as the service port when the host names none.</summary>
    public const int DefaultServicePort = 7777;

    /// <summary>The source types this build runs.</summary>
    public static SourceRegistry DefaultSources() => new SourceRegistry()
        .Add(new WebhookSourceFactory())
        .Add(new GithubSourceFactory())
        .Add(new GitlabSourceFactory())
        .Add(new BitbucketSourceFactory())
        .Add(new BitbucketServerSourceFactory())
        .Add(new SlackSourceFactory())
        .Add(new StripeSourceFactory())
        .Add(new SnsSourceFactory())
        .Add(new StorageGridSourceFactory())
        .Add(new CalendarSourceFactory())
        .Add(new FileSourceFactory())
        .Add(new NatsSourceFactory())
        .Add(new AmqpSourceFactory())
        .Add(new RedisSourceFactory())
        .Add(new RedisStreamSourceFactory())
        .Add(new Sources.Mqtt.MqttSourceFactory());

    /// <summary>Builds the service from command-line arguments and the environment.</summary>
    public static WebApplication Build(string[] args, SourceRegistry? sources = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults(options => options.ActivitySourceNames.Add(BusEventDispatcher.ActivitySource.Name));
        var eventSource = ArgoObjectLoader.Load<EventSource>(builder.Configuration, "EventSource:File", "EVENTSOURCE_OBJECT");
        var registry = sources ?? DefaultSources();
        if (string.IsNullOrEmpty(builder.Configuration[EventBusConnection.ClientNameKey]))
        {
            builder.Configuration[EventBusConnection.ClientNameKey] = "eventsource-" + eventSource.Metadata.Name;
        }

        builder.Services.AddSingleton(eventSource);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EventBusConnection>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventBusConnection>());
        builder.Services.AddHealthChecks().AddReadinessCheck("eventbus", sp => sp.GetRequiredService<EventBusConnection>().IsReady, "the event bus is not connected");
        builder.Services.AddSingleton(EventSourcePlan.IdentityOf(eventSource));
        builder.Services.AddSingleton<IEventDispatcher, BusEventDispatcher>();
        builder.Services.AddSingleton(sp => EventSourcePlan.Create(eventSource, registry, new SourceContext(
            eventSource.Metadata.Name!,
            sp.GetRequiredService<IEventDispatcher>(),
            SecretResolver.FromConfiguration(builder.Configuration),
            sp.GetRequiredService<EventBusConnection>(),
            sp.GetRequiredService<ArgoEventsMetrics>(),
            sp.GetRequiredService<IShutdownSignal>(),
            builder.Configuration,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>())));
        builder.Services.AddHostedService<EventSourceRunner>();

        var app = builder.Build();
        var plan = app.Services.GetRequiredService<EventSourcePlan>();
        var ports = new WebhookPortMap(plan.Routes.Ports, app.Configuration);
        WebhookServer.Listen(app, ports, app.Configuration["EventSource:BindAddress"] ?? "0.0.0.0", ServiceUrls(app.Configuration));
        app.UseWebhookRoutes(plan.Routes, ports);
        app.MapDefaultEndpoints();
        return app;
    }

    /// <summary>
    /// The service's own URLs: <c>urls</c> (ASPNETCORE_URLS), else <c>http_ports</c> (HTTP_PORTS), else Argo's
    /// metrics port 7777.
    /// </summary>
    public static IReadOnlyList<string> ServiceUrls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (configuration["http_ports"] is { Length: > 0 } ports)
        {
            return [.. ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}")];
        }

        return [$"http://0.0.0.0:{DefaultServicePort}"];
    }
}
