using System.Diagnostics;

namespace ArgoEvents.Testing;

/// <summary>
/// The process plumbing every test server harness shares: one child process at a time (a restart replaces the previous
/// run), its stdout and stderr kept line by line in a <see cref="LogRing"/> next to the harness's own notes, SIGKILL and
/// other signals, and <see cref="ProcessExitCleanup"/> so a run that ends without disposal leaves no orphan behind.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Lock _gate = new();
    private Process? _process;
    private bool _disposed;

    /// <summary>Creates the slot (nothing runs yet); <paramref name="name"/> appears in error messages.</summary>
    public ChildProcess(string name, LogRing log)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(log);
        Name = name;
        Log = log;
        ProcessExitCleanup.Register(this);
    }

    /// <summary>What the process is, for messages ("nats-server n1", "EventSources replica es-0").</summary>
    public string Name { get; }

    /// <summary>The output of every run, plus "[harness]" notes on starts, signals and exits.</summary>
    public LogRing Log { get; }

    /// <summary>Whether the current run is alive.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false };
            }
        }
    }

    /// <summary>Exit code of the last run; null while running or never started.</summary>
    public int? ExitCode
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: true } p ? p.ExitCode : null;
            }
        }
    }

    /// <summary>Process id of the current (or last) run; throws if never started.</summary>
    public int Pid => Current.Id;

    /// <summary>The current (or last) run; throws if never started.</summary>
    public Process Current
    {
        get
        {
            lock (_gate)
            {
                return _process ?? throw new InvalidOperationException($"{Name} was never started.");
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, the
    /// variables of <paramref name="environment"/> added to (or replacing) the inherited ones, and its output going to
    /// <see cref="Log"/>. The previous run, which must have exited, is released. Returns the new process.
    /// </summary>
    public Process Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running as pid {Pid}.");
        }

        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => AddLogLine(e.Data);
        process.ErrorDataReceived += (_, e) => AddLogLine(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"{Name}: {fileName} did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_gate)
        {
            _process?.Dispose();
            _process = process;
        }

        Log.Add($"[harness] started pid {process.Id}: {fileName} {string.Join(" ", start.ArgumentList)}");
        return process;
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash; returns once it is gone. Does nothing if not running.</summary>
    public void Kill()
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
        }

        if (process is null || process.HasExited)
        {
            return;
        }

        process.Kill();
        process.WaitForExit();
        Log.Add($"[harness] killed pid {process.Id}");
    }

    /// <summary>
    /// Sends <paramref name="signal"/> (see <see cref="UnixSignals"/>) to the current run and notes it as
    /// <paramref name="signalName"/>; returns false, sending nothing, when the run has already exited.
    /// </summary>
    public bool Signal(int signal, string signalName)
    {
        var process = Current;
        if (process.HasExited)
        {
            return false;
        }

        UnixSignals.Send(process.Id, signal);
        Log.Add($"[harness] sent {signalName} to pid {process.Id}");
        return true;
    }

    /// <summary>
    /// Waits for the current run to exit within <paramref name="limit"/>; on success drains the output (so the log is
    /// complete), notes the exit code and returns it. Returns null, leaving the process alone, when the limit passed.
    /// </summary>
    public async Task<int?> TryWaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var process = Current;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        // The parameterless wait drains the redirected output.
        process.WaitForExit();
        Log.Add($"[harness] pid {process.Id} exited with code {process.ExitCode}");
        return process.ExitCode;
    }

    /// <summary>
    /// For a run that has exited: waits for its output to be drained and tells whether it reported a port already in
    /// use, the one start failure a retry with fresh ports can cure.
    /// </summary>
    public bool ExitedOverPortConflict()
    {
        var process = Current;
        process.WaitForExit();
        return Log.Snapshot().Any(l => l.Contains("address already in use", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>CPU time the current run has used so far.</summary>
    public TimeSpan TotalProcessorTime()
    {
        var process = Current;
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>Kills the current run if it is alive and releases it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        lock (_gate)
        {
            _process?.Dispose();
            _process = null;
        }

        ProcessExitCleanup.Unregister(this);
    }

    private void AddLogLine(string? line)
    {
        if (line is not null)
        {
            Log.Add(line);
        }
    }
}
