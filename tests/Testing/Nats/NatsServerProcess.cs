using ArgoEvents.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ArgoEvents.Testing.Nats;

/// <summary>
/// One nats-server child process with a generated config in a private temp directory. Ports, config and
/// JetStream store stay the same across <see cref="Kill"/>/<see cref="StopAsync"/> and a later start, so a
/// restarted server is the same cluster member with the same data. Disposal kills it and deletes the directory.
/// </summary>
public sealed class NatsServerProcess : IDisposable, IAsyncDisposable
{
    private const int LogCapacity = 200;
    private const int PortConflictRetries = 3;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly bool _portPicked;
    private readonly bool _monitorPortPicked;
    private readonly ChildProcess _child;
    private bool _disposed;

    /// <summary>Prepares (does not start) a server; ports not given in <paramref name="options"/> are picked now.</summary>
    public NatsServerProcess(NatsServerOptions? options = null)
    {
        Options = options ?? new NatsServerOptions();
        Options.Validate();
        ServerName = Options.ServerName ?? "nats-" + Guid.NewGuid().ToString("N")[..10];
        _portPicked = Options.Port is null;
        _monitorPortPicked = Options.MonitorPort is null;
        Port = Options.Port ?? FreePorts.Next();
        MonitorPort = Options.MonitorPort ?? FreePorts.Next();
        WorkingDirectory = Directory.CreateTempSubdirectory($"argo-nats-{ServerName}-").FullName;
        _child = new ChildProcess($"nats-server {ServerName}", Log);
        ProcessExitCleanup.Register(this);
    }

    /// <summary>The options this server was created with.</summary>
    public NatsServerOptions Options { get; }

    /// <summary>server_name, as the server reports it in INFO and in cluster views.</summary>
    public string ServerName { get; }

    /// <summary>Loopback client port.</summary>
    public int Port { get; private set; }

    /// <summary>Loopback HTTP monitoring port.</summary>
    public int MonitorPort { get; private set; }

    /// <summary>"nats://127.0.0.1:port".</summary>
    public string ClientUrl => $"nats://127.0.0.1:{Port}";

    /// <summary>Private temp directory holding the config file and the JetStream store.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Path of the generated config file.</summary>
    public string ConfigPath => Path.Combine(WorkingDirectory, "nats-server.conf");

    /// <summary>JetStream store_dir; kept across restarts.</summary>
    public string StoreDirectory => Path.Combine(WorkingDirectory, "store");

    /// <summary>The last lines the server printed over all its runs, plus the harness's own start/stop notes.</summary>
    public LogRing Log { get; } = new(LogCapacity);

    /// <summary>Process id of the current (or last) run; throws if the server was never started.</summary>
    public int Pid => _child.Pid;

    /// <summary>Whether the process is alive.</summary>
    public bool IsRunning => _child.IsRunning;

    /// <summary>Exit code of the last run; null while running or never started.</summary>
    public int? ExitCode => _child.ExitCode;

    /// <summary>
    /// Starts the server and returns once the client port sends INFO naming this server, and, with
    /// JetStream, /healthz?js-enabled-only=true answers 200. If a picked port was taken meanwhile by
    /// another process, fresh ports are picked and the start is retried.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsRunning)
        {
            throw new InvalidOperationException($"nats-server {ServerName} is already running as pid {Pid}.");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NatsServerException e) when (e.PortConflict && attempt < PortConflictRetries && (_portPicked || _monitorPortPicked))
            {
                Port = _portPicked ? FreePorts.Next() : Port;
                MonitorPort = _monitorPortPicked ? FreePorts.Next() : MonitorPort;
                Log.Add($"[harness] port conflict, retrying with client port {Port}, monitor port {MonitorPort}");
            }
        }
    }

    /// <summary>SIGKILL: the server dies at once, as in a crash. Does nothing if it is not running.</summary>
    public void Kill() => _child.Kill();

    /// <summary>
    /// SIGINT (graceful: Raft leaderships are handed over first) and waits for the exit. If the server
    /// has not exited after 30 s it is killed and <see cref="NatsServerException"/> is thrown.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_child.Signal(UnixSignals.Interrupt, "SIGINT"))
        {
            return;
        }

        if (await _child.TryWaitForExitAsync(StopTimeout, cancellationToken).ConfigureAwait(false) is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pid = _child.Pid;
            Kill();
            throw new NatsServerException($"nats-server {ServerName} (pid {pid}) ignored SIGINT for {StopTimeout.TotalSeconds:0} s and was killed.{LogSection()}");
        }
    }

    /// <summary>Stops the server gracefully if it runs, then starts it again with the same ports, config and store.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            await StopAsync(cancellationToken).ConfigureAwait(false);
        }

        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// SIGUSR2: lame duck mode. Returns once the server stopped accepting clients (or has already exited);
    /// it then closes its clients after the grace period and exits on its own.
    /// </summary>
    public async Task EnterLameDuckAsync(CancellationToken cancellationToken = default)
    {
        var process = _child.Current;
        if (!_child.Signal(UnixSignals.User2, "SIGUSR2"))
        {
            throw new InvalidOperationException($"nats-server {ServerName} is not running; it cannot enter lame duck mode.");
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!process.HasExited && await AcceptsConnectionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new NatsServerException($"nats-server {ServerName} still accepts clients 10 s after SIGUSR2.{LogSection()}");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }

        Log.Add($"[harness] pid {process.Id} is in lame duck mode");
    }

    /// <summary>Waits until the current run exits on its own (after lame duck mode, for instance).</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken = default) =>
        await _child.Current.WaitForExitAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>GETs <paramref name="pathAndQuery"/> (e.g. "/jsz?accounts=true") from this server's monitoring port.</summary>
    public Task<MonitorReply> GetMonitorAsync(string pathAndQuery, CancellationToken cancellationToken = default) =>
        NatsMonitor.GetAsync(MonitorPort, pathAndQuery, cancellationToken);

    /// <summary>The newest log lines, indented, for exception messages.</summary>
    public string LogTail(int lines = 40) => Log.Tail(lines);

    /// <inheritdoc />
    public override string ToString() => $"nats-server {ServerName} ({ClientUrl}, monitor {MonitorPort})";

    /// <summary>Kills the server if it runs and deletes its temp directory.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _child.Dispose();
        ProcessExitCleanup.Unregister(this);
        ScratchDirectory.TryDelete(WorkingDirectory);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartOnceAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(StoreDirectory);
        await File.WriteAllTextAsync(
            ConfigPath,
            NatsConfigFile.Render(Options, ServerName, Port, MonitorPort, StoreDirectory),
            cancellationToken).ConfigureAwait(false);

        var process = Launch();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.StartTimeout);
            await WaitUntilReadyAsync(process, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new NatsServerException($"{this} was not ready within {Options.StartTimeout.TotalSeconds:0} s.{LogSection()}");
        }
        catch
        {
            Kill();
            throw;
        }
    }

    private Process Launch()
    {
        try
        {
            return _child.Start(NatsServerBinary.Locate(), ["-c", ConfigPath], WorkingDirectory);
        }
        catch (InvalidOperationException e)
        {
            throw new NatsServerException(e.Message, e);
        }
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        while (true)
        {
            ThrowIfExited(process);
            var info = await TryReadInfoAsync(cancellationToken).ConfigureAwait(false);
            if (info is not null)
            {
                var reported = ReadServerName(info);
                if (reported == ServerName)
                {
                    break;
                }

                // Our own server failed to bind and someone else answers on the port: wait for our exit to show it.
                Log.Add($"[harness] port {Port} answered as '{reported}', not '{ServerName}'");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }

        if (!Options.JetStream)
        {
            return;
        }

        while (true)
        {
            ThrowIfExited(process);
            var health = await GetMonitorAsync("/healthz?js-enabled-only=true", cancellationToken).ConfigureAwait(false);
            if (health.IsOk)
            {
                return;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ThrowIfExited(Process process)
    {
        if (!process.HasExited)
        {
            return;
        }

        var conflict = _child.ExitedOverPortConflict();
        throw new NatsServerException(
            $"{this} exited with code {process.ExitCode} while starting.{LogSection()}",
            conflict);
    }

    private async Task<string?> TryReadInfoAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), attempt.Token).ConfigureAwait(false);
            var buffer = new byte[4096];
            var filled = 0;
            while (filled < buffer.Length)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, attempt.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                filled += read;
                var newline = Array.IndexOf(buffer, (byte)'\n', 0, filled);
                if (newline >= 0)
                {
                    var line = Encoding.UTF8.GetString(buffer, 0, newline).TrimEnd('\r');
                    return line.StartsWith("INFO ", StringComparison.Ordinal) ? line : null;
                }
            }

            return null;
        }
        catch (SocketException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string? ReadServerName(string infoLine)
    {
        try
        {
            using var info = JsonDocument.Parse(infoLine["INFO ".Length..]);
            return info.RootElement.TryGetProperty("server_name", out var name) ? name.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string LogSection() =>
        $"{Environment.NewLine}  config: {ConfigPath}{Environment.NewLine}  last log lines:{Environment.NewLine}{LogTail()}";
}
