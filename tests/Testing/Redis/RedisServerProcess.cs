using ArgoEvents.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ArgoEvents.Testing.Nats;

namespace ArgoEvents.Testing.Redis;

/// <summary>
/// One redis-server child process with a generated config in a private temp directory. Ports, config, TLS files and
/// (with <see cref="RedisServerOptions.AppendOnly"/>) data stay the same across <see cref="Kill"/>/<see cref="StopAsync"/>
/// and a later start. Disposal kills it and deletes the directory.
/// </summary>
public sealed class RedisServerProcess : IDisposable, IAsyncDisposable
{
    private const int LogCapacity = 200;
    private const int PortConflictRetries = 3;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly bool _portPicked;
    private readonly ChildProcess _child;
    private int _port;
    private bool _disposed;

    /// <summary>Prepares (does not start) a server; ports not given in <paramref name="options"/> are picked now.</summary>
    public RedisServerProcess(RedisServerOptions? options = null)
    {
        Options = options ?? new RedisServerOptions();
        Options.Validate();
        _portPicked = Options.Port is null;
        _port = Options.Port ?? FreePorts.Next();
        TlsPort = Options.Tls ? FreePorts.Next() : null;
        WorkingDirectory = Directory.CreateTempSubdirectory("argo-redis-").FullName;
        TlsFiles = Options.Tls ? Options.TlsFiles ?? SelfSigned(Path.Combine(WorkingDirectory, "tls")) : null;
        _child = new ChildProcess(Options.TlsOnly ? $"redis-server tls :{TlsPort}" : $"redis-server :{_port}", Log);
        ProcessExitCleanup.Register(this);
    }

    /// <summary>The options this server was created with.</summary>
    public RedisServerOptions Options { get; }

    /// <summary>Loopback plain-text client port; throws with <see cref="RedisServerOptions.TlsOnly"/>, where there is none.</summary>
    public int Port => Options.TlsOnly
        ? throw new InvalidOperationException($"{this} listens only for TLS (RedisServerOptions.TlsOnly); use TlsPort or TlsHostAddress.")
        : _port;

    /// <summary>Loopback TLS client port, when <see cref="RedisServerOptions.Tls"/> is on.</summary>
    public int? TlsPort { get; private set; }

    /// <summary>
    /// The server certificate, key and client CA files when TLS is on: <see cref="RedisServerOptions.TlsFiles"/>, or a
    /// generated self-signed certificate that is also the CA clients trust.
    /// </summary>
    public RedisTlsFiles? TlsFiles { get; }

    /// <summary>"127.0.0.1:port", the form of Argo's <c>hostAddress</c>.</summary>
    public string HostAddress => $"127.0.0.1:{Port}";

    /// <summary>"127.0.0.1:tlsPort", Argo's <c>hostAddress</c> for the TLS listener; throws when TLS is off.</summary>
    public string TlsHostAddress => TlsPort is { } port
        ? $"127.0.0.1:{port}"
        : throw new InvalidOperationException($"{this} has no TLS listener (RedisServerOptions.Tls is off).");

    /// <summary>Private temp directory holding the config file and any data.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Path of the generated config file.</summary>
    public string ConfigPath => Path.Combine(WorkingDirectory, "redis.conf");

    /// <summary>The last lines the server printed over all its runs, plus the harness's own notes.</summary>
    public LogRing Log { get; } = new(LogCapacity);

    /// <summary>Whether the process is alive.</summary>
    public bool IsRunning => _child.IsRunning;

    /// <summary>Process id of the current (or last) run.</summary>
    public int Pid => _child.Pid;

    /// <summary>Starts the server and returns once it answers PING (or NOAUTH) on <see cref="Port"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsRunning)
        {
            throw new InvalidOperationException($"{this} is already running as pid {Pid}.");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RedisHarnessException e) when (e.PortConflict && attempt < PortConflictRetries && _portPicked)
            {
                _port = FreePorts.Next();
                TlsPort = Options.Tls ? FreePorts.Next() : null;
                Log.Add($"[harness] port conflict, retrying with port {_port} (TLS {TlsPort})");
            }
        }
    }

    /// <summary>SIGKILL: the server dies at once, as in a crash. Does nothing if it is not running.</summary>
    public void Kill() => _child.Kill();

    /// <summary>SIGTERM (Redis shuts down cleanly) and waits for the exit; kills it after 30 s.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_child.Signal(UnixSignals.Terminate, "SIGTERM"))
        {
            return;
        }

        if (await _child.TryWaitForExitAsync(StopTimeout, cancellationToken).ConfigureAwait(false) is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Kill();
            throw new RedisHarnessException($"{this} ignored SIGTERM for {StopTimeout.TotalSeconds:0} s and was killed.{LogSection()}");
        }
    }

    /// <summary>Stops the server if it runs, then starts it again on the same ports.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            await StopAsync(cancellationToken).ConfigureAwait(false);
        }

        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The newest log lines, indented, for exception messages.</summary>
    public string LogTail(int lines = 40) => Log.Tail(lines);

    /// <inheritdoc />
    public override string ToString() => Options.TlsOnly
        ? $"redis-server 127.0.0.1:{TlsPort} (TLS only)"
        : $"redis-server 127.0.0.1:{_port}{(TlsPort is { } tls ? $" (TLS {tls})" : string.Empty)}";

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

    private string RenderConfig()
    {
        var config = new StringBuilder();
        // Port 0 turns the plain-text listener off.
        config.AppendLine(CultureInvariant($"port {(Options.TlsOnly ? 0 : _port)}"));
        config.AppendLine("bind 127.0.0.1");
        config.AppendLine("daemonize no");
        config.AppendLine("logfile \"\"");
        config.AppendLine(CultureInvariant($"dir \"{WorkingDirectory}\""));
        config.AppendLine("save \"\"");
        config.AppendLine(Options.AppendOnly ? "appendonly yes" : "appendonly no");
        if (Options.Password is not null)
        {
            config.AppendLine($"requirepass \"{Options.Password}\"");
        }

        foreach (var user in Options.Users)
        {
            config.AppendLine($"user {user.Name} on >{user.Password} ~* &* +@all");
        }

        if (TlsFiles is not null)
        {
            config.AppendLine(CultureInvariant($"tls-port {TlsPort}"));
            config.AppendLine($"tls-cert-file \"{TlsFiles.CertificateFile}\"");
            config.AppendLine($"tls-key-file \"{TlsFiles.KeyFile}\"");
            config.AppendLine($"tls-ca-cert-file \"{TlsFiles.CaCertificateFile}\"");
            config.AppendLine(Options.TlsAuthClients ? "tls-auth-clients yes" : "tls-auth-clients no");
        }

        return config.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private async Task StartOnceAsync(CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(ConfigPath, RenderConfig(), cancellationToken).ConfigureAwait(false);
        Process process;
        try
        {
            process = _child.Start(RedisServerBinary.Locate(), [ConfigPath], WorkingDirectory);
        }
        catch (InvalidOperationException e)
        {
            throw new RedisHarnessException(e.Message, e);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.StartTimeout);
            while (!await IsReadyAsync(process, timeout.Token).ConfigureAwait(false))
            {
                ThrowIfExited(process);
                await Task.Delay(PollInterval, timeout.Token).ConfigureAwait(false);
            }

            ThrowIfExited(process);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new RedisHarnessException($"{this} was not ready within {Options.StartTimeout.TotalSeconds:0} s.{LogSection()}");
        }
        catch
        {
            Kill();
            throw;
        }
    }

    private void ThrowIfExited(Process process)
    {
        if (process.HasExited)
        {
            var conflict = _child.ExitedOverPortConflict();
            throw new RedisHarnessException($"{this} exited with code {process.ExitCode} while starting.{LogSection()}", conflict);
        }
    }

    private static RedisTlsFiles SelfSigned(string directory)
    {
        var pair = NatsTlsFiles.CreateSelfSigned(directory);
        return new RedisTlsFiles(pair.CertificateFile, pair.KeyFile, pair.CertificateFile);
    }

    /// <summary>
    /// PING on the plain-text port; without one, the run's own "Ready to accept connections" line, because a TLS
    /// probe could not pass a server that demands client certificates the harness does not have.
    /// </summary>
    private Task<bool> IsReadyAsync(Process process, CancellationToken cancellationToken) =>
        Options.TlsOnly ? Task.FromResult(LoggedReady(process.Id)) : AnswersPingAsync(cancellationToken);

    private bool LoggedReady(int pid)
    {
        var lines = Log.Snapshot();
        var started = -1;
        for (var i = lines.Count - 1; i >= 0 && started < 0; i--)
        {
            if (lines[i].StartsWith(CultureInvariant($"[harness] started pid {pid}:"), StringComparison.Ordinal))
            {
                started = i;
            }
        }

        return started >= 0 && lines.Skip(started + 1).Any(l => l.Contains("Ready to accept connections", StringComparison.Ordinal));
    }

    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _port), attempt.Token).ConfigureAwait(false);
            await socket.SendAsync("PING\r\n"u8.ToArray(), SocketFlags.None, attempt.Token).ConfigureAwait(false);
            var buffer = new byte[256];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, attempt.Token).ConfigureAwait(false);
            // "+PONG", or "-NOAUTH" when a password is required: either way the server is up and speaking RESP.
            // "-LOADING" means it is still reading its append-only file and refuses commands.
            return read > 0 && (buffer[0] == (byte)'+' || buffer[0] == (byte)'-')
                && !buffer.AsSpan(0, read).StartsWith("-LOADING"u8);
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

    private string LogSection() =>
        $"{Environment.NewLine}  config: {ConfigPath}{Environment.NewLine}  last log lines:{Environment.NewLine}{LogTail()}";
}
