using ArgoEvents.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ArgoEvents.Testing.Mqtt;

/// <summary>
/// One mosquitto broker child process with a generated config in a private temp directory. Ports, config, password
/// file and persistence store stay the same across <see cref="Kill"/>/<see cref="StopAsync"/> and a later start, so a
/// restarted broker keeps its persisted sessions. Disposal kills it and deletes the directory.
/// </summary>
public sealed class MosquittoProcess : IDisposable, IAsyncDisposable
{
    private const int LogCapacity = 300;
    private const int PortConflictRetries = 3;
    private const int SignalStop = 19;
    private const int SignalContinue = 18;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly bool _portPicked;
    private readonly ChildProcess _child;
    private bool _disposed;

    /// <summary>Prepares (does not start) a broker; ports not given in <paramref name="options"/> are picked now.</summary>
    public MosquittoProcess(MosquittoOptions? options = null)
    {
        Options = options ?? new MosquittoOptions();
        Options.Validate();
        _portPicked = Options.Port is null;
        Port = Options.Port ?? FreePorts.Next();
        TlsPort = Options.Tls is null ? null : FreePorts.Next();
        WorkingDirectory = Directory.CreateTempSubdirectory("argo-mosquitto-").FullName;
        _child = new ChildProcess($"mosquitto :{Port}", Log);
        ProcessExitCleanup.Register(this);
    }

    /// <summary>The options this broker was created with.</summary>
    public MosquittoOptions Options { get; }

    /// <summary>Loopback port of the plain listener.</summary>
    public int Port { get; private set; }

    /// <summary>Loopback port of the TLS listener; null without <see cref="MosquittoOptions.Tls"/>.</summary>
    public int? TlsPort { get; private set; }

    /// <summary>"tcp://127.0.0.1:port", as Argo's mqtt url.</summary>
    public string Url => $"tcp://127.0.0.1:{Port}";

    /// <summary>"ssl://localhost:tlsPort"; throws without a TLS listener.</summary>
    public string TlsUrl => TlsPort is { } port
        ? $"ssl://localhost:{port}"
        : throw new InvalidOperationException("This broker was created without MosquittoOptions.Tls.");

    /// <summary>Private temp directory holding config, password file and persistence store.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Path of the generated config file.</summary>
    public string ConfigPath => Path.Combine(WorkingDirectory, "mosquitto.conf");

    /// <summary>Path of the password file (written only when <see cref="MosquittoOptions.Users"/> is not empty).</summary>
    public string PasswordFilePath => Path.Combine(WorkingDirectory, "passwords");

    /// <summary>Directory of mosquitto.db; kept across restarts.</summary>
    public string PersistenceDirectory => Path.Combine(WorkingDirectory, "data");

    /// <summary>The last lines the broker printed over all its runs, plus the harness's own notes.</summary>
    public LogRing Log { get; } = new(LogCapacity);

    /// <summary>Process id of the current (or last) run.</summary>
    public int Pid => _child.Pid;

    /// <summary>Whether the process is alive.</summary>
    public bool IsRunning => _child.IsRunning;

    /// <summary>
    /// Starts the broker and returns once it reported running and its listeners accept TCP connections. If a picked
    /// port was taken meanwhile, fresh ports are picked and the start is retried.
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
            try
            {
                await StartOnceAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (MosquittoException e) when (e.PortConflict && attempt < PortConflictRetries && _portPicked)
            {
                Port = FreePorts.Next();
                TlsPort = TlsPort is null ? null : FreePorts.Next();
                Log.Add($"[harness] port conflict, retrying with port {Port}");
            }
        }
    }

    /// <summary>SIGKILL: the broker dies at once, as in a crash; what it had not persisted is gone.</summary>
    public void Kill() => _child.Kill();

    /// <summary>SIGTERM (graceful: persistence is written) and waits for the exit; kills and throws after 20 s.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!IsRunning || !_child.Signal(UnixSignals.Terminate, "SIGTERM"))
        {
            return;
        }

        if (await _child.TryWaitForExitAsync(StopTimeout, cancellationToken).ConfigureAwait(false) is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pid = _child.Pid;
            Kill();
            throw new MosquittoException($"{this} (pid {pid}) ignored SIGTERM for {StopTimeout.TotalSeconds:0} s and was killed.{LogSection()}");
        }
    }

    /// <summary>Stops the broker gracefully if it runs, then starts it again with the same ports, config and store.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SIGSTOP: the broker freezes with its sockets open, as a hung host would.</summary>
    public void Pause() => _child.Signal(SignalStop, "SIGSTOP");

    /// <summary>SIGCONT: a paused broker runs on.</summary>
    public void Resume() => _child.Signal(SignalContinue, "SIGCONT");

    /// <summary>The newest log lines, indented, for exception messages.</summary>
    public string LogTail(int lines = 40) => Log.Tail(lines);

    /// <inheritdoc />
    public override string ToString() => $"mosquitto ({Url})";

    /// <summary>Kills the broker if it runs and deletes its temp directory.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (IsRunning)
        {
            // A paused process ignores nothing but SIGKILL; resuming first keeps the kill clean either way.
            try
            {
                Resume();
            }
            catch (InvalidOperationException)
            {
            }
        }

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
        Directory.CreateDirectory(PersistenceDirectory);
        string? passwordFile = null;
        if (Options.Users.Count > 0)
        {
            await WritePasswordFileAsync(cancellationToken).ConfigureAwait(false);
            passwordFile = PasswordFilePath;
        }

        await File.WriteAllTextAsync(
            ConfigPath,
            MosquittoConfigFile.Render(Options, Port, TlsPort, passwordFile, PersistenceDirectory),
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
            throw new MosquittoException($"{this} was not ready within {Options.StartTimeout.TotalSeconds:0} s.{LogSection()}");
        }
        catch
        {
            Kill();
            throw;
        }
    }

    private async Task WritePasswordFileAsync(CancellationToken cancellationToken)
    {
        var tool = MosquittoBinary.LocatePasswordTool();
        File.Delete(PasswordFilePath);
        var create = true;
        foreach (var (user, password) in Options.Users)
        {
            var start = new ProcessStartInfo(tool)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("-b");
            if (create)
            {
                start.ArgumentList.Add("-c");
            }

            start.ArgumentList.Add(PasswordFilePath);
            start.ArgumentList.Add(user);
            start.ArgumentList.Add(password);
            using var process = Process.Start(start) ?? throw new MosquittoException($"{tool} did not start.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new MosquittoException($"{tool} -b {(create ? "-c " : string.Empty)}{PasswordFilePath} {user} exited with code {process.ExitCode}: {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
            }

            create = false;
        }
    }

    private Process Launch()
    {
        try
        {
            return _child.Start(MosquittoBinary.LocateBroker(), ["-c", ConfigPath], WorkingDirectory);
        }
        catch (InvalidOperationException e)
        {
            throw new MosquittoException(e.Message, e);
        }
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        var startNote = $"[harness] started pid {process.Id}";
        while (true)
        {
            ThrowIfExited(process);
            if (ReportedRunning(startNote)
                && await AcceptsConnectionsAsync(Port, cancellationToken).ConfigureAwait(false)
                && (TlsPort is not { } tlsPort || await AcceptsConnectionsAsync(tlsPort, cancellationToken).ConfigureAwait(false)))
            {
                return;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool ReportedRunning(string startNote)
    {
        var lines = Log.Snapshot();
        var start = -1;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].StartsWith(startNote, StringComparison.Ordinal))
            {
                start = i;
                break;
            }
        }

        return start >= 0 && lines.Skip(start + 1).Any(l => l.Contains(" running", StringComparison.Ordinal));
    }

    private void ThrowIfExited(Process process)
    {
        if (!process.HasExited)
        {
            return;
        }

        var conflict = _child.ExitedOverPortConflict();
        throw new MosquittoException($"{this} exited with code {process.ExitCode} while starting.{LogSection()}", conflict);
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string LogSection() =>
        $"{Environment.NewLine}  config: {ConfigPath}{Environment.NewLine}  last log lines:{Environment.NewLine}{LogTail()}";
}
