using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.LeaderElection;
using ArgoEvents.ServiceDefaults.EventBus;
using ArgoEvents.ServiceDefaults.Shutdown;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// Runs the sensor while this replica holds the lease <c>sensor-&lt;name&gt;</c> (NATS KV by default, a Kubernetes
/// Lease with the <c>events.argoproj.io/leader-election: k8s</c> annotation). A new leader resumes from the durable
/// consumers and the state in the sensor's bucket. Losing the lease stops the triggers and puts the replica back in
/// the race (Argo exits the process instead); SIGTERM releases the lease at once so a standby takes over.
/// With <c>Sensor:HighAvailability</c> = <c>ActiveActive</c> every replica runs the sensor (see
/// <c>SensorEngine.RunAsync</c> with a trigger election).
/// </summary>
internal sealed partial class SensorRunner : BackgroundService
{
    private readonly SensorPlan _plan;
    private readonly EventBusConnection _bus;
    private readonly IConfiguration _configuration;
    private readonly IShutdownSignal _shutdown;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public SensorRunner(SensorPlan plan, EventBusConnection bus, IConfiguration configuration, IShutdownSignal shutdown, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _plan = plan;
        _bus = bus;
        _configuration = configuration;
        _shutdown = shutdown;
        _lifetime = lifetime;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SensorRunner>();
        _time = time;
    }

    /// <summary>The engine of the current leadership term, if this replica leads.</summary>
    public SensorEngine? Engine { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _shutdown.Stopping);
        var replicas = _configuration.GetValue("EventBus:Stream:Replicas", 3);
        var options = new SensorRuntimeOptions
        {
            StateReplicas = replicas,
            PullBatch = _configuration.GetValue("Sensor:PullBatch", 64),
            MaxBackgroundActions = _configuration.GetValue("Sensor:MaxBackgroundActions", 256),
            BackgroundStopping = _lifetime.ApplicationStopped,
        };
        try
        {
            var client = await _bus.GetClientAsync(stop.Token).ConfigureAwait(false);
            ILeaderElector Elector(string lease) => LeaderElectorFactory.Create(new LeaderElectorSetup(lease, ReplicaIdentity.FromConfiguration(_configuration))
            {
                AnnotationValue = _plan.Sensor.Metadata.Annotations.GetValueOrDefault(LeaderElectorFactory.AnnotationName),
                Connection = client.Connection,
                Bucket = new NatsLeaseBucketOptions { Replicas = replicas },
                Logger = _loggerFactory.CreateLogger<ILeaderElector>(),
            });

            if (_configuration.GetValue("Sensor:HighAvailability", HighAvailabilityMode.ActivePassive) == HighAvailabilityMode.ActiveActive)
            {
                var engine = new SensorEngine(_plan, client, options, _loggerFactory, _time);
                Engine = engine;
                await engine.RunAsync(trigger => Elector(LeaseNames.ForSensorTrigger(_plan.Name, trigger.Name)), stop.Token).ConfigureAwait(false);
                return;
            }

            var elector = Elector(LeaseNames.ForSensor(_plan.Name));
            await using (elector.ConfigureAwait(false))
            {
                await elector.RunAsync(
                    async leadership =>
                    {
                        var engine = new SensorEngine(_plan, client, options, _loggerFactory, _time);
                        Engine = engine;
                        try
                        {
                            await engine.RunAsync(leadership).ConfigureAwait(false);
                        }
                        finally
                        {
                            Engine = null;
                        }
                    },
                    stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (SensorConfigurationException e)
        {
            LogCannotRun(_logger, e.Message);
            _lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason}")]
    private static partial void LogCannotRun(ILogger logger, string reason);
}
