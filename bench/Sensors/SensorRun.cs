using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.Sensors.Runtime;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.ServiceDefaults.Metrics;
using ArgoEvents.ServiceDefaults.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Bench.Sensors;

/// <summary>
/// One Sensor running in this process as the service runs it while it leads: the manifest compiled into a plan (with
/// the service's metrics), the engine consuming from the bus on its own connection. Disposal stops it like a leader
/// going away and deletes nothing.
/// </summary>
public sealed class SensorRun : IAsyncDisposable
{
    private readonly EventBusClient _bus;
    private readonly ServiceProvider _services;
    private readonly SensorPlan _plan;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _secrets;
    private Task? _run;

    private SensorRun(EventBusClient bus, ServiceProvider services, SensorPlan plan, string secrets)
    {
        _bus = bus;
        _services = services;
        _plan = plan;
        _secrets = secrets;
    }

    /// <summary>Compiles <paramref name="yaml"/>, starts the engine and returns once every trigger consumes.</summary>
    public static async Task<SensorRun> StartAsync(string busUrls, string yaml, TriggerRegistry triggers, ILoggerFactory loggerFactory)
    {
        var sensor = ManifestLoader.LoadString(yaml, "bench-sensor.yaml").OfType<Sensor>().Single();
        sensor.EnsureValid();
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new ArgoEventsMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "default");
        var secrets = Directory.CreateTempSubdirectory("argo-bench-sensor-secrets-").FullName;
        var triggerServices = new TriggerServices(sensor.Metadata.Name!, "default", new SecretResolver(secrets)) { LoggerFactory = loggerFactory };
        var plan = SensorPlan.Create(sensor, triggers, triggerServices, metrics);
        var bus = await EventBusClient.ConnectAsync(busUrls);
        var run = new SensorRun(bus, services, plan, secrets);
        var engine = new SensorEngine(plan, bus, new SensorRuntimeOptions { StateReplicas = 1 }, loggerFactory, TimeProvider.System);
        run._run = engine.RunAsync(run._stop.Token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var started = engine.WaitUntilStartedAsync(timeout.Token);
        if (await Task.WhenAny(started, run._run) == run._run)
        {
            await run._run;
            throw new InvalidOperationException($"sensor {sensor.Metadata.Name} stopped while starting");
        }

        await started;
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run;
        }

        await _plan.DisposeAsync();
        await _bus.DisposeAsync();
        await _services.DisposeAsync();
        _stop.Dispose();
        Directory.Delete(_secrets, recursive: true);
    }
}
