using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>
/// The campaign shared by the lease-based electors: acquire the lease, run the leader's work, renew every
/// <see cref="LeaderElectionTiming.RenewInterval"/>, fence when no renewal succeeded for
/// <see cref="LeaderElectionTiming.RenewDeadline"/>, and release the lease at once on a graceful stop. The lease
/// itself (NATS KV or Kubernetes) lives in the derived class.
/// </summary>
public abstract partial class LeaderElector : ILeaderElector
{
    private readonly Lock _campaignGate = new();
    private readonly Lock _stateGate = new();
    private LeaderElectionState _state = LeaderElectionState.Unknown;
    private string? _observedHolder;
    private LeadershipTerm? _term;
    private CancellationTokenSource? _campaignStop;
    private Task _campaignEnded = Task.CompletedTask;
    private bool _disposed;

    private protected LeaderElector(LeaderElectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <inheritdoc />
    public event EventHandler<LeadershipGainedEventArgs>? LeadershipGained;

    /// <inheritdoc />
    public event EventHandler<LeadershipLostEventArgs>? LeadershipLost;

    /// <summary>The options the elector runs with.</summary>
    public LeaderElectionOptions Options { get; }

    /// <inheritdoc />
    public string Identity => Options.Identity;

    /// <inheritdoc />
    public string LeaseName => Options.LeaseName;

    /// <inheritdoc />
    public LeaderElectionState State => Volatile.Read(ref _state);

    /// <inheritdoc />
    public bool IsLeader => State.IsLeader;

    private protected LeaderElectionTiming Timing => Options.Timing;

    private protected ILogger Logger => Options.Logger;

    /// <summary>The grant of the running term, or null when not leading.</summary>
    private protected LeaseGrant? CurrentGrant => Volatile.Read(ref _term)?.Grant;

    /// <inheritdoc />
    public async Task RunAsync(Func<CancellationToken, Task> whileLeader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(whileLeader);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_campaignGate)
        {
            if (_disposed || _campaignStop is not null)
            {
                stop.Dispose();
                ObjectDisposedException.ThrowIf(_disposed, this);
                throw new InvalidOperationException($"The election for lease '{LeaseName}' is already running; one elector runs one campaign at a time.");
            }

            _campaignStop = stop;
            _campaignEnded = ended.Task;
        }

        try
        {
            await CampaignAsync(whileLeader, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (_campaignGate)
            {
                _campaignStop = null;
            }

            stop.Dispose();
            ended.SetResult();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    public async Task ResignAsync(CancellationToken cancellationToken = default)
    {
        CancellationTokenSource? stop;
        Task ended;
        lock (_campaignGate)
        {
            stop = _campaignStop;
            ended = _campaignEnded;
        }

        if (stop is not null)
        {
            try
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The campaign ended on its own between the read above and the cancel.
            }
        }

        await ended.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resigns (releasing a held lease) and frees the elector's resources.</summary>
    /// <returns>A task that completes when the elector is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        lock (_campaignGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await ResignAsync(CancellationToken.None).ConfigureAwait(false);
        await DisposeResourcesAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits until this replica holds the lease (retrying failures itself) and returns the grant.</summary>
    private protected abstract Task<LeaseGrant> AcquireAsync(CancellationToken cancellationToken);

    /// <summary>Renews the lease; null when someone else holds it now. Throws when the outcome is unknown.</summary>
    private protected abstract Task<LeaseGrant?> RenewAsync(LeaseGrant grant, CancellationToken cancellationToken);

    /// <summary>Gives the lease up so that candidates can take it at once; does nothing when it is no longer ours.</summary>
    private protected abstract Task ReleaseAsync(LeaseGrant grant, CancellationToken cancellationToken);

    /// <summary>Frees what the derived elector holds (watches, HTTP clients); called once, after the campaign ended.</summary>
    private protected virtual ValueTask DisposeResourcesAsync() => ValueTask.CompletedTask;

    /// <summary>Records who holds the lease, as the derived elector saw it.</summary>
    private protected void ObserveHolder(string? holder)
    {
        lock (_stateGate)
        {
            _observedHolder = holder;
            if (!_state.IsLeader && _state.LeaderIdentity != holder)
            {
                Volatile.Write(ref _state, new LeaderElectionState(false, holder, 0, null));
            }
        }
    }

    /// <summary>Ends the term with this fencing token at once: someone else was seen writing the lease.</summary>
    private protected void ReportTakenOver(ulong fencingToken)
    {
        var term = Volatile.Read(ref _term);
        if (term is not null && term.FencingToken == fencingToken)
        {
            term.SignalTakenOver();
        }
    }

    private async Task CampaignAsync(Func<CancellationToken, Task> whileLeader, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            LeaseGrant grant;
            try
            {
                grant = await AcquireAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            if (Waits.Until(Waits.After(grant.RequestedAt, Timing.RenewDeadline)) <= TimeSpan.Zero)
            {
                // The claim was confirmed only after the renew deadline: by the fencing rule this term is already over,
                // and candidates may be about to take the lease. Claim again (cheaply, the lease names us) instead.
                LogClaimTooSlow(Logger, LeaseName, Identity);
                continue;
            }

            var reason = await LeadAsync(grant, whileLeader, stop).ConfigureAwait(false);
            if (reason is LeadershipLossReason.Resigned or LeadershipLossReason.WorkCompleted)
            {
                return;
            }
        }
    }

    private async Task<LeadershipLossReason> LeadAsync(LeaseGrant grant, Func<CancellationToken, Task> whileLeader, CancellationToken stop)
    {
        var term = new LeadershipTerm(grant);
        Volatile.Write(ref _term, term);
        var leading = new LeaderElectionState(true, Identity, grant.FencingToken, grant.Revision);
        lock (_stateGate)
        {
            Volatile.Write(ref _state, leading);
        }

        LogGained(Logger, LeaseName, Identity, grant.FencingToken);
        Raise(LeadershipGained, new LeadershipGainedEventArgs(leading));

        using var workStop = new CancellationTokenSource();
        using var holdStop = new CancellationTokenSource();
        var hold = HoldAsync(term, holdStop.Token);
        var work = Task.Run(() => whileLeader(workStop.Token), CancellationToken.None);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopRegistration = stop.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), stopped);
        var first = await Task.WhenAny(hold, work, stopped.Task).ConfigureAwait(false);
        var reason = first == hold ? await hold.ConfigureAwait(false) ?? LeadershipLossReason.Fenced
            : first == work ? work.IsCompletedSuccessfully ? LeadershipLossReason.WorkCompleted : LeadershipLossReason.WorkFailed
            : LeadershipLossReason.Resigned;

        // Not the leader from this instant, before the work is even told: nothing may act on a stale IsLeader.
        lock (_stateGate)
        {
            term.Ended = true;
            Volatile.Write(ref _state, new LeaderElectionState(false, _observedHolder, 0, null));
        }

        await workStop.CancelAsync().ConfigureAwait(false);
        LogLost(Logger, LeaseName, Identity, reason);
        Raise(LeadershipLost, new LeadershipLostEventArgs(reason, term.FencingToken));

        Exception? failure = null;
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (first != work)
        {
            // The work honoured its token.
        }
        catch (Exception e) when (first != work)
        {
            LogWorkFailedWhileStopping(Logger, LeaseName, e);
        }
        catch (Exception e)
        {
            failure = e;
        }

        if (first != hold)
        {
            // The lease was renewed while the work wound down; it is released only if it is still ours.
            await holdStop.CancelAsync().ConfigureAwait(false);
            if (await hold.ConfigureAwait(false) is null)
            {
                await ReleaseQuietlyAsync(term.Grant).ConfigureAwait(false);
            }
        }

        Volatile.Write(ref _term, null);
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return reason;
    }

    /// <summary>Renews until the lease is lost or fenced (returning why) or until cancelled (returning null).</summary>
    private async Task<LeadershipLossReason?> HoldAsync(LeadershipTerm term, CancellationToken cancellationToken)
    {
        try
        {
            var lastSuccess = term.Grant.RequestedAt;
            var nextAttempt = Waits.After(lastSuccess, Timing.RenewInterval);
            while (true)
            {
                var fenceAt = Waits.After(lastSuccess, Timing.RenewDeadline);
                if (await Waits.SignalOrDelayAsync(term.TakenOver, Waits.Until(Math.Min(nextAttempt, fenceAt)), cancellationToken).ConfigureAwait(false))
                {
                    return LeadershipLossReason.TakenOver;
                }

                if (Waits.Until(fenceAt) <= TimeSpan.Zero)
                {
                    LogFenced(Logger, LeaseName, Identity, Timing.RenewDeadline);
                    return LeadershipLossReason.Fenced;
                }

                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(Waits.Until(fenceAt));
                var renewal = RenewAsync(term.Grant, attempt.Token);
                if (await Task.WhenAny(renewal, term.TakenOver).ConfigureAwait(false) != renewal)
                {
                    await attempt.CancelAsync().ConfigureAwait(false);
                    Waits.Forget(renewal);
                    return LeadershipLossReason.TakenOver;
                }

                try
                {
                    var renewed = await renewal.ConfigureAwait(false);
                    if (renewed is null)
                    {
                        return LeadershipLossReason.TakenOver;
                    }

                    term.Grant = renewed;
                    lastSuccess = renewed.RequestedAt;
                    nextAttempt = Waits.After(lastSuccess, Timing.RenewInterval);
                    PublishRenewed(term, renewed);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // Timeouts, unreachable servers and the fence deadline's own cancellation land here; the loop head
                    // decides between retrying and fencing.
                    LogRenewFailed(Logger, LeaseName, Identity, e.Message);
                    nextAttempt = Waits.After(Stopwatch.GetTimestamp(), Timing.RetryPeriod);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private void PublishRenewed(LeadershipTerm term, LeaseGrant renewed)
    {
        lock (_stateGate)
        {
            if (!term.Ended)
            {
                Volatile.Write(ref _state, new LeaderElectionState(true, Identity, renewed.FencingToken, renewed.Revision));
            }
        }
    }

    private async Task ReleaseQuietlyAsync(LeaseGrant grant)
    {
        using var timeout = new CancellationTokenSource(Timing.RenewDeadline);
        try
        {
            await ReleaseAsync(grant, timeout.Token).ConfigureAwait(false);
            LogReleased(Logger, LeaseName, Identity);
        }
        catch (Exception e)
        {
            // Not fatal: the lease then simply expires after its duration.
            LogReleaseFailed(Logger, LeaseName, Identity, e.Message);
        }
    }

    private void Raise<T>(EventHandler<T>? handler, T args)
    {
        try
        {
            handler?.Invoke(this, args);
        }
        catch (Exception e)
        {
            // A throwing subscriber must not stop the renew loop (or a leader would lose its lease without knowing it).
            LogHandlerFailed(Logger, LeaseName, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Lease}: {Identity} is the leader (fencing token {FencingToken})")]
    private static partial void LogGained(ILogger logger, string lease, string identity, ulong fencingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Lease}: {Identity} is no longer the leader ({Reason})")]
    private static partial void LogLost(ILogger logger, string lease, string identity, LeadershipLossReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease}: {Identity} could not renew for {Deadline}; fencing itself")]
    private static partial void LogFenced(ILogger logger, string lease, string identity, TimeSpan deadline);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease}: renewal by {Identity} failed: {Reason}")]
    private static partial void LogRenewFailed(ILogger logger, string lease, string identity, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease}: the claim by {Identity} was confirmed after the renew deadline; claiming again")]
    private static partial void LogClaimTooSlow(ILogger logger, string lease, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Lease}: {Identity} released the lease")]
    private static partial void LogReleased(ILogger logger, string lease, string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease}: {Identity} could not release the lease ({Reason}); it will expire instead")]
    private static partial void LogReleaseFailed(ILogger logger, string lease, string identity, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease}: the leader's work failed while stopping")]
    private static partial void LogWorkFailedWhileStopping(ILogger logger, string lease, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lease {Lease}: a leadership event handler threw")]
    private static partial void LogHandlerFailed(ILogger logger, string lease, Exception exception);
}
