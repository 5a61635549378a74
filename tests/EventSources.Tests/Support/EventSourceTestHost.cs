using System.Text.RegularExpressions;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventSources;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ArgoEvents.ServiceDefaults.EventBus;

namespace ArgoEvents.EventSources.Tests.Support;

/// <summary>
/// Runs the real EventSource service in this process: the manifest as written, a real bus, Kestrel on free loopback
/// ports (every spec port is mapped to a free one, as the local orchestrator does for replicas).
/// </summary>
public sealed partial class EventSourceTestHost : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Dictionary<int, int> _portBySpec;

    private EventSourceTestHost(WebApplication app, string directory, Dictionary<int, int> portBySpec, int servicePort)
    {
        App = app;
        _directory = directory;
        _portBySpec = portBySpec;
        ServiceUrl = $"http://127.0.0.1:{servicePort}";
    }

    /// <summary>The running service.</summary>
    public WebApplication App { get; }

    /// <summary>Base URL of /healthz, /readyz and /metrics.</summary>
    public string ServiceUrl { get; }

    /// <summary>Where secrets are read from: write <c>&lt;SecretsDirectory&gt;/&lt;name&gt;/&lt;key&gt;</c> before starting.</summary>
    public string SecretsDirectory => Path.Combine(_directory, "secrets");

    /// <summary>The service's bus connection.</summary>
    public EventBusConnection Bus => App.Services.GetRequiredService<EventBusConnection>();

    /// <summary>The base URL serving a spec port.</summary>
    public string WebhookUrl(int specPort) => $"http://127.0.0.1:{_portBySpec[specPort]}";

    /// <summary>
    /// Starts the service for <paramref name="manifestYaml"/> against <paramref name="busUrl"/> and waits until it is ready.
    /// <paramref name="secrets"/> maps "name/key" to values; <paramref name="settings"/> adds configuration.
    /// </summary>
    public static async Task<EventSourceTestHost> StartAsync(
        string manifestYaml,
        string busUrl,
        IReadOnlyDictionary<string, string>? secrets = null,
        IReadOnlyDictionary<string, string>? settings = null,
        SourceRegistry? sources = null,
        CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("argo-es-test-").FullName;
        var manifest = Path.Combine(directory, "eventsource.yaml");
        await File.WriteAllTextAsync(manifest, manifestYaml, cancellationToken);
        foreach (var (path, value) in secrets ?? new Dictionary<string, string>())
        {
            var file = Path.Combine(directory, "secrets", path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, value, cancellationToken);
        }

        var servicePort = FreePorts.Next();
        var portBySpec = SpecPorts(manifestYaml).ToDictionary(p => p, _ => FreePorts.Next());
        var args = new List<string>
        {
            $"--EventSource:File={manifest}",
            $"--EventSource:SecretsDirectory={Path.Combine(directory, "secrets")}",
            "--EventSource:BindAddress=127.0.0.1",
            $"--ConnectionStrings:eventbus={busUrl}",
            "--EventBus:Stream:Replicas=1",
            $"--urls=http://127.0.0.1:{servicePort}",
            "--SHUTDOWN_GRACE_PERIOD=5s",
        };
        args.AddRange(portBySpec.Select(p => $"--EventSource:Ports:{p.Key}={p.Value}"));
        args.AddRange((settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"));

        var app = EventSourceService.Build([.. args], sources);
        await app.StartAsync(cancellationToken);
        var host = new EventSourceTestHost(app, directory, portBySpec, servicePort);
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await client.GetAsync($"{host.ServiceUrl}/readyz", cancellationToken)).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The EventSource service did not become ready within 15 s.");
            }

            await Task.Delay(50, cancellationToken);
        }

        return host;
    }

    /// <summary>Stops the service and deletes its files.</summary>
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static IEnumerable<int> SpecPorts(string manifestYaml)
        => PortPattern().Matches(manifestYaml).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct();

    [GeneratedRegex("""^\s*port:\s*["']?(\d+)["']?\s*$""", RegexOptions.Multiline)]
    private static partial Regex PortPattern();
}
