using ArgoEvents.Testing.Services;

namespace ArgoEvents.Bench.EventSources;

/// <summary>
/// One EventSource service replica as its own process, run by the shared <see cref="ServiceProcess"/> harness on fresh
/// loopback ports each start. Kill = SIGKILL, Terminate = SIGTERM; disposal (or the bench's exit) kills it.
/// </summary>
public sealed class ServiceReplica : IDisposable
{
    private readonly string _manifestPath;
    private readonly IReadOnlyList<string> _busUrls;
    private readonly int? _specPort;
    private ServiceProcess? _process;

    public ServiceReplica(string name, string manifestPath, IReadOnlyList<string> busUrls, int? specPort = null)
    {
        Name = name;
        _manifestPath = manifestPath;
        _busUrls = busUrls;
        _specPort = specPort;
    }

    public string Name { get; }

    public int ServicePort => Current.ServicePort;

    /// <summary>The local port serving the manifest's webhook port.</summary>
    public int WebhookPort => _specPort is { } spec ? Current.WebhookPort(spec) : throw new InvalidOperationException($"{Name} has no webhook port.");

    public bool IsRunning => _process is { IsRunning: true };

    public int Pid => Current.Pid;

    private ServiceProcess Current => _process ?? throw new InvalidOperationException($"{Name} was never started.");

    // Each start is a fresh process harness, hence fresh ports: a restarted replica never waits on a port in TIME_WAIT.
    public async Task StartAsync(TimeSpan readyWithin)
    {
        _process?.Dispose();
        _process = new ServiceProcess(ServiceProcessOptions.ForEventSource(_manifestPath, _busUrls, Name, _specPort is { } spec ? [spec] : null) with
        {
            ReadyTimeout = readyWithin,
            Environment = ServiceOverrides(),
        });
        await _process.StartAsync();
    }

    public void Kill() => _process?.Kill();

    public void Terminate()
    {
        if (IsRunning)
        {
            _process!.Terminate();
        }
    }

    /// <summary>Waits for the current run to exit; kills it when it takes longer than <paramref name="limit"/>.</summary>
    public async Task WaitForExitAsync(TimeSpan limit)
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            await _process.WaitForExitAsync(limit);
        }
        catch (ServiceProcessException)
        {
            // The harness has killed it; the bench measures the hand-over, not the old leader's exit.
        }
    }

    /// <summary>CPU time the current run has used.</summary>
    public TimeSpan CpuTime() => Current.TotalProcessorTime();

    public void Dispose() => _process?.Dispose();

    // BENCH_SERVICE_<NAME>=<value> in the bench's environment sets <NAME> for the service only, so runtime knobs
    // (DOTNET_gcServer, DOTNET_ThreadPool_UnfairSemaphoreSpinLimit, ...) can be compared without touching the client.
    private static Dictionary<string, string> ServiceOverrides()
    {
        const string prefix = "BENCH_SERVICE_";
        var overrides = new Dictionary<string, string>();
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                overrides[name[prefix.Length..]] = variable.Value as string ?? "";
            }
        }

        return overrides;
    }
}
