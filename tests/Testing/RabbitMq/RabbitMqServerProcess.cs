using ArgoEvents.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ArgoEvents.Testing.RabbitMq;

/// <summary>
/// One rabbitmq-server node (Debian package <c>rabbitmq-server</c>) run as a child process in a private temp
/// directory: its own node name, AMQP port, distribution port and epmd port, no plugins, <c>loopback_users = none</c>,
/// the Erlang cookie under its own HOME. Node name, ports and the Mnesia directory stay the same across a restart, so
/// durable exchanges, queues and messages survive it. Disposal kills the node, stops its epmd and deletes the directory.
/// </summary>
public sealed class RabbitMqServerProcess : IDisposable, IAsyncDisposable
{
    /// <summary>Where the Debian package puts the unwrapped server and CLI scripts (the /usr/sbin wrappers switch user).</summary>
    public const string ScriptsDirectory = "/usr/lib/rabbitmq/bin";

    private const string PackageHint = "rabbitmq-server is not installed: install the Debian package with `apt-get install -y rabbitmq-server`.";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly ChildProcess _child;
    private readonly SemaphoreSlim _ctlGate = new(1, 1);
    private bool _disposed;

    /// <summary>Prepares (does not start) a node.</summary>
    public RabbitMqServerProcess(RabbitMqServerOptions? options = null)
    {
        Options = options ?? new RabbitMqServerOptions();
        var id = Guid.NewGuid().ToString("N")[..10];
        NodeName = $"rabbit-{id}@localhost";
        Port = Options.Port ?? FreePorts.Next();
        DistributionPort = FreePorts.Next();
        EpmdPort = FreePorts.Next();
        CtlDistributionPort = FreePorts.Next();
        WorkingDirectory = Directory.CreateTempSubdirectory($"argo-rabbitmq-{id}-").FullName;
        _child = new ChildProcess($"rabbitmq-server {NodeName}", Log);
        ProcessExitCleanup.Register(this);
    }

    /// <summary>The options.</summary>
    public RabbitMqServerOptions Options { get; }

    /// <summary>The Erlang node name, e.g. <c>rabbit-0123456789@localhost</c>.</summary>
    public string NodeName { get; }

    /// <summary>Loopback AMQP port.</summary>
    public int Port { get; }

    /// <summary>Erlang distribution port of the node.</summary>
    public int DistributionPort { get; }

    /// <summary>Port of the private epmd.</summary>
    public int EpmdPort { get; }

    /// <summary>Distribution port rabbitmqctl uses.</summary>
    public int CtlDistributionPort { get; }

    /// <summary>"amqp://127.0.0.1:port" (the default guest user may log in: loopback_users = none).</summary>
    public string AmqpUrl => $"amqp://127.0.0.1:{Port}";

    /// <summary>The private directory: config, HOME (cookie), Mnesia and logs.</summary>
    public string WorkingDirectory { get; }

    /// <summary>The node's output over all its runs, plus the harness's notes.</summary>
    public LogRing Log { get; } = new(400);

    /// <summary>Whether the node runs.</summary>
    public bool IsRunning => _child.IsRunning;

    private string ConfigPath => Path.Combine(WorkingDirectory, "rabbitmq.conf");

    /// <summary>Starts the node and returns once it answers the AMQP protocol header on its port.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var server = Script("rabbitmq-server");
        await File.WriteAllLinesAsync(ConfigPath, [$"listeners.tcp.default = 127.0.0.1:{Port}", "loopback_users = none", .. Options.ExtraConfig], cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(WorkingDirectory, "enabled_plugins"), "[].", cancellationToken);
        var process = _child.Start(server, [], WorkingDirectory, Environment());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.StartTimeout);
        try
        {
            while (!await AnswersAmqpAsync(timeout.Token))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{this} exited with code {process.ExitCode} while starting.{LogSection()}");
                }

                await Task.Delay(PollInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            KillTree();
            throw new TimeoutException($"{this} did not accept AMQP connections within {Options.StartTimeout.TotalSeconds:0} s.{LogSection()}");
        }
    }

    /// <summary>Graceful stop (SIGTERM; the script stops the node properly); kills it after 30 s.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_child.IsRunning || !_child.Signal(UnixSignals.Terminate, "SIGTERM"))
        {
            return;
        }

        if (await _child.TryWaitForExitAsync(StopTimeout, cancellationToken) is null)
        {
            KillTree();
            throw new InvalidOperationException($"{this} ignored SIGTERM for {StopTimeout.TotalSeconds:0} s and was killed.{LogSection()}");
        }
    }

    /// <summary>Stops the node if it runs and starts it again with the same name, ports and data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await StartAsync(cancellationToken);
    }

    /// <summary>SIGKILL of the script and the Erlang VM under it, as in a crash.</summary>
    public void Kill() => KillTree();

    /// <summary>Runs <c>rabbitmqctl -n node args</c> and returns its output; throws with the output when it fails.</summary>
    public async Task<string> CtlAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(Script("rabbitmqctl"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = WorkingDirectory,
        };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(NodeName);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment())
        {
            start.Environment[name] = value;
        }

        // rabbitmqctl listens on one fixed distribution port: one call at a time.
        await _ctlGate.WaitAsync(cancellationToken);
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"rabbitmqctl {string.Join(" ", start.ArgumentList)} exited with {process.ExitCode}: {await output}{await error}");
            }

            return await output;
        }
        finally
        {
            _ctlGate.Release();
        }
    }

    /// <summary>Creates a user with full permissions on the default virtual host.</summary>
    public async Task AddUserAsync(string user, string password, CancellationToken cancellationToken = default)
    {
        await CtlAsync(["add_user", user, password], cancellationToken);
        await CtlAsync(["set_permissions", "-p", "/", user, ".*", ".*", ".*"], cancellationToken);
    }

    /// <summary>Messages ready and unacknowledged in <paramref name="queue"/>; null when the queue does not exist.</summary>
    public async Task<(long Ready, long Unacknowledged)?> QueueDepthAsync(string queue, CancellationToken cancellationToken = default)
    {
        var json = await CtlAsync(["list_queues", "--formatter", "json", "name", "messages_ready", "messages_unacknowledged"], cancellationToken);
        using var document = JsonDocument.Parse(json);
        foreach (var row in document.RootElement.EnumerateArray())
        {
            if (row.GetProperty("name").GetString() == queue)
            {
                return (row.GetProperty("messages_ready").GetInt64(), row.GetProperty("messages_unacknowledged").GetInt64());
            }
        }

        return null;
    }

    /// <summary>The newest log lines, for messages.</summary>
    public string LogTail(int lines = 40) => Log.Tail(lines);

    /// <inheritdoc />
    public override string ToString() => $"rabbitmq-server {NodeName} ({AmqpUrl})";

    /// <summary>Kills the node, stops its epmd and deletes the directory.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        KillTree();
        _child.Dispose();
        StopEpmd();
        _ctlGate.Dispose();
        ProcessExitCleanup.Unregister(this);
        ScratchDirectory.TryDelete(WorkingDirectory);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Script(string name)
    {
        var path = Path.Combine(ScriptsDirectory, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{PackageHint} ({path} does not exist)", path);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["HOME"] = WorkingDirectory,
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ERL_EPMD_PORT"] = EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_CTL_DIST_PORT_MIN"] = CtlDistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_CTL_DIST_PORT_MAX"] = CtlDistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(WorkingDirectory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(WorkingDirectory, "log"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_CONFIG_FILE"] = ConfigPath,
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(WorkingDirectory, "enabled_plugins"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(WorkingDirectory, "rabbitmq.pid"),
    };

    private void KillTree()
    {
        try
        {
            var process = _child.Current;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Log.Add($"[harness] killed pid {process.Id} and its children");
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
    }

    private void StopEpmd()
    {
        try
        {
            using var epmd = Process.Start(new ProcessStartInfo("epmd")
            {
                ArgumentList = { "-port", EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kill" },
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            epmd?.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No epmd binary, so none was started.
        }
    }

    /// <summary>Sends the AMQP 0-9-1 protocol header and waits for the first frame (connection.start).</summary>
    private async Task<bool> AnswersAmqpAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), attempt.Token);
            await socket.SendAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), SocketFlags.None, attempt.Token);
            var buffer = new byte[8];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, attempt.Token);
            return read > 0 && buffer[0] == 1;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private string LogSection() => $"{System.Environment.NewLine}  last log lines:{System.Environment.NewLine}{LogTail()}";
}
