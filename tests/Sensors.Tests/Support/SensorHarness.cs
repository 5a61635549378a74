using System.Text;
using ArgoEvents.Api;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventBus.LeaderElection;
using ArgoEvents.Sensors.Runtime;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.ServiceDefaults.Secrets;
using ArgoEvents.Testing;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Tests.Support;

/// <summary>
/// Runs one Sensor in-process against a real nats-server, as the service does while it leads: compile the manifest,
/// reconcile its bucket, run every trigger. Stopping and starting again is a sensor restart (a new leader).
/// </summary>
internal sealed class SensorHarness : IAsyncDisposable
{
    private readonly EventBusClient _bus;
    private readonly Sensor _sensor;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TriggerRegistry _triggers;
    private SensorPlan? _plan;
    private SensorEngine? _engine;
    private CancellationTokenSource? _stop;
    private Task? _run;

    private SensorHarness(EventBusClient bus, Sensor sensor, TriggerRegistry triggers)
    {
        _bus = bus;
        _sensor = sensor;
        _triggers = triggers;
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new RingLoggerProvider(Log)));
    }

    public LogRing Log { get; } = new(400);

    public EventBusClient Bus => _bus;

    public SensorEngine Engine => _engine ?? throw new InvalidOperationException("not running");

    public string SecretsDirectory { get; } = Directory.CreateTempSubdirectory("sensor-secrets-").FullName;

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Runs as one replica of an active-active sensor with this identity, instead of as the sole leader.</summary>
    public string? ActiveActiveIdentity { get; init; }

    public static async Task<SensorHarness> StartAsync(string busUrl, string yaml, TriggerRegistry? triggers = null, TimeProvider? time = null, string? activeActiveIdentity = null)
    {
        var bus = await EventBusClient.ConnectAsync(busUrl);
        await bus.EnsureStreamAsync(new EventStreamSettings { Replicas = 1 });
        var sensor = ManifestLoader.LoadString(yaml, "test-sensor.yaml").OfType<Sensor>().Single();
        sensor.EnsureValid();
        var harness = new SensorHarness(bus, sensor, triggers ?? SensorService.DefaultTriggers()) { ActiveActiveIdentity = activeActiveIdentity };
        if (time is not null)
        {
            harness.Time = time;
        }

        await harness.StartAgainAsync();
        return harness;
    }

    /// <summary>Starts the sensor (again): a fresh plan and engine, as a new leader would.</summary>
    public async Task StartAgainAsync()
    {
        if (_run is not null)
        {
            throw new InvalidOperationException("already running");
        }

        var services = new TriggerServices(_sensor.Metadata.Name!, "default", new SecretResolver(SecretsDirectory)) { LoggerFactory = _loggerFactory, Time = Time };
        _plan = SensorPlan.Create(_sensor, _triggers, services);
        _stop = new CancellationTokenSource();
        _engine = new SensorEngine(_plan, _bus, new SensorRuntimeOptions { StateReplicas = 1, BackgroundStopping = CancellationToken.None }, _loggerFactory, Time);
        _run = ActiveActiveIdentity is { } identity
            ? _engine.RunAsync(
                trigger => LeaderElectorFactory.Create(new LeaderElectorSetup(LeaseNames.ForSensorTrigger(_sensor.Metadata.Name!, trigger.Name), identity)
                {
                    Connection = _bus.Connection,
                    Bucket = new NatsLeaseBucketOptions { Replicas = 1 },
                }),
                _stop.Token)
            : _engine.RunAsync(_stop.Token);
        if (ActiveActiveIdentity is not null)
        {
            // Elected triggers start only on the replica that wins their lease: nothing to wait for here.
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var started = _engine.WaitUntilStartedAsync(timeout.Token);
        if (await Task.WhenAny(started, _run) == _run)
        {
            await _run;
            throw new InvalidOperationException($"the sensor stopped while starting:{Environment.NewLine}{Log.Tail(30)}");
        }

        await started;
    }

    /// <summary>Stops the sensor (a leader going away); its bucket and consumers stay.</summary>
    public async Task StopAsync()
    {
        if (_run is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        await _run;
        await _plan!.DisposeAsync();
        _stop.Dispose();
        _run = null;
        _engine = null;
    }

    /// <summary>Publishes a webhook-shaped event <c>{"body": &lt;body&gt;}</c> as an EventSource would.</summary>
    public Task PublishAsync(string eventSourceName, string eventName, string bodyJson, string? id = null)
    {
        var cloudEvent = new CloudEvent(id ?? Guid.NewGuid().ToString("N"), eventSourceName, "webhook")
        {
            Subject = eventName,
            DataContentType = "application/json",
            Time = DateTimeOffset.UtcNow,
        };
        cloudEvent.SetData(Encoding.UTF8.GetBytes($$"""{"header":{},"body":{{bodyJson}}}"""));
        return _bus.PublishAsync(eventSourceName, eventName, cloudEvent);
    }

    public string Diagnostics() => Log.Tail(60);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _bus.DisposeAsync();
        _loggerFactory.Dispose();
        Directory.Delete(SecretsDirectory, recursive: true);
    }
}
