using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.ServiceDefaults.Metrics;
using ArgoEvents.ServiceDefaults.Shutdown;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ArgoEvents.ServiceDefaults.Secrets;
using ArgoEvents.ServiceDefaults.EventBus;

namespace ArgoEvents.EventSources.Tests.Sources.Calendar;

/// <summary>
/// A <see cref="SourceContext"/> with real parts (its own bus connection, dispatcher, metrics and secrets
/// directory), for driving one source outside the service: as a second publisher beside a running service, or
/// to check a factory's refusals.
/// </summary>
internal sealed class TestSourceContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ShutdownSignal _shutdown;
    private readonly string _directory;

    private TestSourceContext(SourceContext context, ServiceProvider services, ShutdownSignal shutdown, string directory)
    {
        Context = context;
        _services = services;
        _shutdown = shutdown;
        _directory = directory;
    }

    public SourceContext Context { get; }

    public EventBusConnection Bus => Context.Bus;

    public static async Task<TestSourceContext> StartAsync(
        string eventSourceName,
        string busUrl,
        EventSourceType type,
        IEnumerable<string> eventNames,
        IReadOnlyDictionary<string, string>? secrets = null,
        Func<IEventDispatcher, IEventDispatcher>? wrapDispatcher = null,
        ILoggerFactory? loggerFactory = null)
    {
        var directory = Directory.CreateTempSubdirectory("argo-es-ctx-").FullName;
        foreach (var (path, value) in secrets ?? new Dictionary<string, string>())
        {
            var file = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, value);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:eventbus"] = busUrl,
            ["EventBus:Stream:Replicas"] = "1",
        }).Build();
        loggerFactory ??= NullLoggerFactory.Instance;
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new ArgoEventsMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "test");
        var bus = new EventBusConnection(configuration, loggerFactory);
        await bus.StartAsync(CancellationToken.None);
        var identity = new EventSourceIdentity(eventSourceName, eventNames.ToDictionary(n => n, _ => type.TypeName));
        IEventDispatcher dispatcher = new BusEventDispatcher(bus, identity, metrics);
        dispatcher = wrapDispatcher?.Invoke(dispatcher) ?? dispatcher;
        var shutdown = new ShutdownSignal(TimeSpan.FromSeconds(5));
        var context = new SourceContext(eventSourceName, dispatcher, new SecretResolver(directory), bus, metrics, shutdown, configuration, loggerFactory, TimeProvider.System);
        return new TestSourceContext(context, services, shutdown, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.StopAsync(CancellationToken.None);
        await Bus.DisposeAsync();
        _shutdown.Dispose();
        await _services.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
