using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.LeaderElection;
using ArgoEvents.Sensors.Runtime;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Sensors.Triggers.ArgoWorkflow;
using ArgoEvents.Sensors.Triggers.Email;
using ArgoEvents.Sensors.Triggers.Http;
using ArgoEvents.Sensors.Triggers.Kubernetes;
using ArgoEvents.Sensors.Triggers.Log;
using ArgoEvents.Sensors.Triggers.Nats;
using ArgoEvents.Sensors.Triggers.OpenWhisk;
using ArgoEvents.Sensors.Triggers.Slack;
using ArgoEvents.ServiceDefaults;
using ArgoEvents.ServiceDefaults.EventBus;
using ArgoEvents.ServiceDefaults.Health;
using ArgoEvents.ServiceDefaults.Manifests;
using ArgoEvents.ServiceDefaults.Metrics;
using ArgoEvents.ServiceDefaults.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors;

/// <summary>
/// The Sensor service: one process runs one Sensor object. The leader replica consumes the dependencies' events from
/// the bus and fires the triggers; every replica serves <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.
/// </summary>
public static class SensorService
{
    /// <summary>Argo's metrics port, used as the service port when the host names none.</summary>
    public const int DefaultServicePort = 7777;

    /// <summary>Configuration key of the manifest path.</summary>
    public const string FileKey = "Sensor:File";

    /// <summary>Argo's environment variable carrying the Sensor as base64 JSON.</summary>
    public const string ObjectVariable = "SENSOR_OBJECT";

    /// <summary>The trigger types this build runs.</summary>
    public static TriggerRegistry DefaultTriggers() => new TriggerRegistry()
        .Add(new LogTriggerFactory())
        .Add(new HttpTriggerFactory())
        .Add(new NatsTriggerFactory())
        .Add(new KubernetesTriggerFactory())
        .Add(new ArgoWorkflowTriggerFactory())
        .Add(new SlackTriggerFactory())
        .Add(new OpenWhiskTriggerFactory())
        .Add(new EmailTriggerFactory());

    /// <summary>Builds the service from command-line arguments and the environment.</summary>
    /// <exception cref="SensorConfigurationException">The Sensor cannot run; the message lists every problem.</exception>
    public static WebApplication Build(string[] args, TriggerRegistry? triggers = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        var sensor = ArgoObjectLoader.Load<Sensor>(builder.Configuration, FileKey, ObjectVariable);
        if (string.IsNullOrEmpty(builder.Configuration[EventBusConnection.ClientNameKey]))
        {
            builder.Configuration[EventBusConnection.ClientNameKey] = "sensor-" + sensor.Metadata.Name;
        }

        if (builder.Configuration["urls"] is not { Length: > 0 } && builder.Configuration["http_ports"] is not { Length: > 0 })
        {
            builder.WebHost.UseUrls($"http://0.0.0.0:{DefaultServicePort}");
        }

        var registry = triggers ?? DefaultTriggers();
        builder.Services.AddSingleton(sensor);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EventBusConnection>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventBusConnection>());
        builder.Services.AddHealthChecks().AddReadinessCheck("eventbus", sp => sp.GetRequiredService<EventBusConnection>().IsReady, "the event bus is not connected");
        builder.Services.AddSingleton(sp => SensorPlan.Create(sensor, registry, CreateTriggerServices(sensor, builder.Configuration, sp), sp.GetRequiredService<ArgoEventsMetrics>()));
        builder.Services.AddSingleton<SensorRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SensorRunner>());

        var app = builder.Build();

        // Compile the sensor before the host starts: a manifest that cannot run fails the start with every problem listed.
        _ = app.Services.GetRequiredService<SensorPlan>();
        app.MapDefaultEndpoints();
        return app;
    }

    private static TriggerServices CreateTriggerServices(Sensor sensor, IConfiguration configuration, IServiceProvider services)
    {
        var @namespace = sensor.Metadata.Namespace is { Length: > 0 } ns
            ? ns
            : configuration["POD_NAMESPACE"] is { Length: > 0 } podNamespace ? podNamespace : "default";
        return new TriggerServices(sensor.Metadata.Name!, @namespace, SecretResolver.FromConfiguration(configuration, "Sensor"))
        {
            LoggerFactory = services.GetRequiredService<ILoggerFactory>(),
            Time = services.GetRequiredService<TimeProvider>(),
            Kubernetes = KubernetesApi(configuration),
            ArgoServer = (configuration["Sensor:ArgoServer"] ?? configuration["ARGO_SERVER"]) is { Length: > 0 } server ? new Uri(server, UriKind.Absolute) : null,
            ArgoToken = configuration["Sensor:ArgoToken"] ?? configuration["ARGO_TOKEN"],
        };
    }

    // Outside a pod the Kubernetes API is named explicitly (Sensor:Kubernetes:Server, :Token, :CertificateAuthorityFile).
    private static KubernetesApiOptions? KubernetesApi(IConfiguration configuration) =>
        configuration["Sensor:Kubernetes:Server"] is { Length: > 0 } server
            ? new KubernetesApiOptions(new Uri(server, UriKind.Absolute))
            {
                BearerToken = configuration["Sensor:Kubernetes:Token"],
                CertificateAuthorityFile = configuration["Sensor:Kubernetes:CertificateAuthorityFile"],
            }
            : null;
}
