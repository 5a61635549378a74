using System.Collections.Concurrent;
using System.Diagnostics;
using ArgoEvents.EventBus.LeaderElection;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

/// <summary>
/// One replica in a test: its elector running a campaign whose work only registers itself with the shared
/// <see cref="WorkOverlapMonitor"/> until its token is cancelled. Gains and losses are recorded with timestamps.
/// </summary>
internal sealed class Candidate : IAsyncDisposable
{
    private readonly WorkOverlapMonitor _monitor;
    private readonly Func<ValueTask> _crash;
    private readonly Func<ValueTask> _cleanup;
    private int _working;

    public Candidate(string identity, ILeaderElector elector, WorkOverlapMonitor monitor, Func<ValueTask> crash, Func<ValueTask> cleanup)
    {
        Identity = identity;
        Elector = elector;
        _monitor = monitor;
        _crash = crash;
        _cleanup = cleanup;
        elector.LeadershipGained += (_, e) => Gains.Enqueue(new Gain(Stopwatch.GetTimestamp(), e.State.FencingToken));
        elector.LeadershipLost += (_, e) => Losses.Enqueue(new Loss(Stopwatch.GetTimestamp(), e.Reason));
    }

    public string Identity { get; }

    public ILeaderElector Elector { get; }

    public ConcurrentQueue<Gain> Gains { get; } = new();

    public ConcurrentQueue<Loss> Losses { get; } = new();

    public bool IsWorking => Volatile.Read(ref _working) == 1;

    /// <summary>When the work last observed its cancellation and stopped.</summary>
    public long WorkStoppedAt { get; private set; }

    public Task Run { get; private set; } = Task.CompletedTask;

    public bool Crashed { get; private set; }

    public void Start() => Run = Elector.RunAsync(WorkAsync);

    /// <summary>Stops talking to the lease's server without resigning, as a killed process would.</summary>
    public ValueTask CrashAsync()
    {
        Crashed = true;
        return _crash();
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await Elector.DisposeAsync().AsTask().WaitAsync(limit.Token);
            await Run.WaitAsync(limit.Token);
        }
        catch (Exception) when (Crashed || limit.IsCancellationRequested)
        {
            // A crashed candidate's campaign may end with its connection's error.
        }

        await _cleanup();
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        _monitor.Enter();
        Volatile.Write(ref _working, 1);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Leadership ended.
        }
        finally
        {
            Volatile.Write(ref _working, 0);
            WorkStoppedAt = Stopwatch.GetTimestamp();
            _monitor.Exit();
        }
    }

    public sealed record Gain(long At, ulong FencingToken);

    public sealed record Loss(long At, LeadershipLossReason Reason);
}
