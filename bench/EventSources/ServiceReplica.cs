using System.Diagnostics;
using System.Globalization;
using System.Net;
using ArgoEvents.Testing;

namespace ArgoEvents.Bench.EventSources;

/// <summary>
/// One EventSource service replica as its own process (<c>dotnet ArgoEvents.EventSources.dll</c>, copied here by the
/// project reference), configured through the environment on fresh loopback ports each start. Kill = SIGKILL,
/// Terminate = SIGTERM; disposal (or the bench's exit) kills it.
/// </summary>
public sealed class ServiceReplica : IDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly string _manifestPath;
    private readonly IReadOnlyList<string> _busUrls;
    private readonly int? _specPort;
    private Process? _process;

    public ServiceReplica(string name, string manifestPath, IReadOnlyList<string> busUrls, int? specPort = null)
    {
        Name = name;
        _manifestPath = manifestPath;
        _busUrls = busUrls;
        _specPort = specPort;
        ProcessExitCleanup.Register(this);
    }

    public string Name { get; }

    public int ServicePort { get; private set; }

    /// <summary>The local port serving the manifest's webhook port.</summary>
    public int WebhookPort { get; private set; }

    public LogRing Log { get; } = new(200);

    public bool IsRunning => _process is { HasExited: false };

    public int Pid => _process?.Id ?? throw new InvalidOperationException($"{Name} was never started.");

    public async Task StartAsync(TimeSpan readyWithin)
    {
        ServicePort = FreePorts.Next();
        WebhookPort = FreePorts.Next();
        var dll = Path.Combine(AppContext.BaseDirectory, "ArgoEvents.EventSources.dll");
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        start.Environment["EventSource__File"] = _manifestPath;
        start.Environment["EventSource__BindAddress"] = "127.0.0.1";
        start.Environment["ConnectionStrings__eventbus"] = string.Join(",", _busUrls);
        start.Environment["EventBus__Stream__Replicas"] = "3";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ServicePort}";
        start.Environment["POD_NAME"] = Name;
        start.Environment["SHUTDOWN_GRACE_PERIOD"] = "10s";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (name, value) in ServiceOverrides())
        {
            start.Environment[name] = value;
        }

        if (_specPort is { } spec)
        {
            start.Environment[$"EventSource__Ports__{spec}"] = WebhookPort.ToString(CultureInfo.InvariantCulture);
        }

        _process?.Dispose();
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.GetTimestamp() + (long)(readyWithin.TotalSeconds * Stopwatch.Frequency);
        while (!await IsReadyAsync())
        {
            if (_process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                Kill();
                throw new InvalidOperationException($"{Name} did not become ready (exited: {_process.HasExited}):{Environment.NewLine}{Log.Tail(30)}");
            }

            await Task.Delay(50);
        }
    }

    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public void Terminate()
    {
        if (_process is { HasExited: false } process)
        {
            UnixSignals.Send(process.Id, UnixSignals.Terminate);
        }
    }

    public async Task WaitForExitAsync(TimeSpan limit)
    {
        if (_process is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>CPU time the current run has used.</summary>
    public TimeSpan CpuTime()
    {
        _process!.Refresh();
        return _process.TotalProcessorTime;
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        ProcessExitCleanup.Unregister(this);
    }

    // BENCH_SERVICE_<NAME>=<value> in the bench's environment sets <NAME> for the service only, so runtime knobs
    // (DOTNET_gcServer, DOTNET_ThreadPool_UnfairSemaphoreSpinLimit, ...) can be compared without touching the client.
    private static IEnumerable<(string Name, string Value)> ServiceOverrides()
    {
        const string prefix = "BENCH_SERVICE_";
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                yield return (name[prefix.Length..], variable.Value as string ?? "");
            }
        }
    }

    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            Log.Add(line);
        }
    }

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await Probe.GetAsync($"http://127.0.0.1:{ServicePort}/readyz");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
