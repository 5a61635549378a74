using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ArgoEvents.Testing.Services;

/// <summary>
/// One replica of a service (EventSource or Sensor) as its own OS process (<c>dotnet &lt;Assembly&gt;.dll</c>),
/// configured through the environment as an orchestrator would: the manifest, the bus, its identity, and free loopback
/// ports for the service endpoints and every spec port. Its output is kept in a <see cref="LogRing"/> for failure
/// messages. <see cref="Kill"/> is a crash (SIGKILL), <see cref="Terminate"/> a pod deletion (SIGTERM). Disposal kills
/// it, and <see cref="ProcessExitCleanup"/> does so too if a test run ends without disposing.
/// </summary>
public sealed class ServiceProcess : IDisposable, IAsyncDisposable
{
    private const int PortConflictRetries = 3;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly ServiceProcessOptions _options;
    private readonly ChildProcess _child;
    private Dictionary<int, int> _portBySpec;
    private bool _disposed;

    /// <summary>Prepares (does not start) the replica; its ports are picked now.</summary>
    public ServiceProcess(ServiceProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        ServicePort = FreePorts.Next();
        _portBySpec = options.SpecPorts.Distinct().ToDictionary(p => p, _ => FreePorts.Next());
        _child = new ChildProcess($"{options.Binary.ProjectFolder} replica {options.ReplicaName}", Log);
    }

    /// <summary>The options the replica was created with.</summary>
    public ServiceProcessOptions Options => _options;

    /// <summary>The replica's identity (POD_NAME), as it appears as lease holder.</summary>
    public string Name => _options.ReplicaName;

    /// <summary>The port of /healthz, /readyz and /metrics.</summary>
    public int ServicePort { get; private set; }

    /// <summary>Base URL of /healthz, /readyz and /metrics.</summary>
    public string ServiceUrl => $"http://127.0.0.1:{ServicePort}";

    /// <summary>The last lines the replica printed, plus the harness's notes.</summary>
    public LogRing Log { get; } = new(400);

    /// <summary>Process id of the current (or last) run.</summary>
    public int Pid => _child.Pid;

    /// <summary>Whether the process is alive.</summary>
    public bool IsRunning => _child.IsRunning;

    /// <summary>Exit code of the last run; null while running or never started.</summary>
    public int? ExitCode => _child.ExitCode;

    /// <summary>The base URL of this replica's listener for a spec port.</summary>
    public string WebhookUrl(int specPort) => $"http://127.0.0.1:{WebhookPort(specPort)}";

    /// <summary>The local port serving a spec port.</summary>
    public int WebhookPort(int specPort) =>
        _portBySpec.TryGetValue(specPort, out var local)
            ? local
            : throw new ArgumentException($"{this} maps no spec port {specPort}; its spec ports are [{string.Join(", ", _portBySpec.Keys)}].", nameof(specPort));

    /// <summary>CPU time the current run has used so far.</summary>
    public TimeSpan TotalProcessorTime() => _child.TotalProcessorTime();

    /// <summary>
    /// Starts the process and returns once /readyz answers 200. When a picked port was taken meanwhile, fresh ports are
    /// picked and the start is retried. Throws with the log tail if the process exits or is not ready in time.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsRunning)
        {
            throw new InvalidOperationException($"{this} is already running as pid {Pid}.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var process = Launch();
            try
            {
                await WaitUntilReadyAsync(process, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ServiceProcessException e) when (e.PortConflict && attempt < PortConflictRetries)
            {
                ServicePort = FreePorts.Next();
                _portBySpec = _portBySpec.Keys.ToDictionary(p => p, _ => FreePorts.Next());
                Log.Add($"[harness] port conflict, retrying with service port {ServicePort}");
            }
            catch
            {
                Kill();
                throw;
            }
        }
    }

    /// <summary>SIGKILL: the replica dies at once, as in a crash; returns once it is gone. Does nothing if not running.</summary>
    public void Kill() => _child.Kill();

    /// <summary>SIGTERM: the replica begins its graceful shutdown; returns at once. Does nothing if it has exited.</summary>
    public void Terminate() => _child.Signal(UnixSignals.Terminate, "SIGTERM");

    /// <summary>Waits for the current run to exit and returns its exit code; kills it and throws after <paramref name="limit"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken = default)
    {
        if (await _child.TryWaitForExitAsync(limit, cancellationToken).ConfigureAwait(false) is { } exitCode)
        {
            return exitCode;
        }

        Kill();
        throw new ServiceProcessException($"{this} did not exit within {limit.TotalSeconds:0.#} s and was killed.{LogSection()}", portConflict: false);
    }

    /// <summary>The newest log lines, indented, for assertion messages.</summary>
    public string LogTail(int lines = 40) => Log.Tail(lines);

    /// <inheritdoc />
    public override string ToString() => $"{_options.Binary.ProjectFolder} replica {Name} (service port {ServicePort})";

    /// <summary>Kills the process if it runs.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _child.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private Process Launch()
    {
        var dll = _options.Binary.DllPath;
        try
        {
            return _child.Start(ServiceBinary.DotnetHost, [dll], Path.GetDirectoryName(dll)!, Environment());
        }
        catch (InvalidOperationException e)
        {
            throw new ServiceProcessException(e.Message, e);
        }
    }

    private Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>
        {
            [_options.ManifestVariable] = _options.ManifestPath,
            ["ConnectionStrings__eventbus"] = string.Join(",", _options.BusUrls),
            ["EventBus__Stream__Replicas"] = _options.StreamReplicas.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = ServiceUrl,
            ["POD_NAME"] = _options.ReplicaName,
            ["SHUTDOWN_GRACE_PERIOD"] = _options.ShutdownGracePeriod,
            ["OTEL_SERVICE_NAME"] = _options.ReplicaName,

            // One line per entry with a millisecond clock, so a failure message shows the sequence of events.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
        };
        if (_options.BindAddressVariable is { } bindAddress)
        {
            environment[bindAddress] = "127.0.0.1";
        }

        foreach (var (spec, local) in _portBySpec)
        {
            environment[_options.SpecPortVariablePrefix + spec.ToString(CultureInfo.InvariantCulture)] = local.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in _options.Environment)
        {
            environment[name] = value;
        }

        return environment;
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(_options.ReadyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (process.HasExited)
            {
                var conflict = _child.ExitedOverPortConflict();
                throw new ServiceProcessException($"{this} exited with code {process.ExitCode} while starting.{LogSection()}", conflict);
            }

            if (await IsReadyAsync(cancellationToken).ConfigureAwait(false))
            {
                Log.Add($"[harness] pid {process.Id} is ready");
                return;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new ServiceProcessException($"{this} was not ready within {_options.ReadyTimeout.TotalSeconds:0} s.{LogSection()}", portConflict: false);
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri($"{ServiceUrl}/readyz"), cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private string LogSection() => $"{System.Environment.NewLine}  last output:{System.Environment.NewLine}{Log.Tail(40)}";
}
