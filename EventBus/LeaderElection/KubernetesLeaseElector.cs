using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>
/// Leader election on a Kubernetes <c>coordination.k8s.io/v1</c> Lease, as client-go's <c>LeaseLock</c> does it for
/// Argo Events (annotation <c>events.argoproj.io/leader-election: k8s</c>). Every write names the
/// <c>resourceVersion</c> it builds on; a 409 means someone else wrote, and the lease is read again rather than
/// guessed. Candidates poll every <see cref="LeaderElectionTiming.RetryPeriod"/> and take a lease over when it is
/// released, or expired by both clocks: the holder's <c>renewTime + leaseDurationSeconds</c> is past, and the lease
/// has not changed for <c>leaseDurationSeconds</c> on the candidate's own monotonic clock (which keeps a candidate
/// with a fast wall clock from cutting a live term short). A graceful stop writes the lease back with no holder and a
/// one-second duration, so the next candidate takes it at its next poll.
/// </summary>
public sealed partial class KubernetesLeaseElector : LeaderElector
{
    private readonly KubernetesLeaseClient _client;
    private readonly KubernetesLeaseOptions _kubernetes;
    private readonly int _leaseSeconds;
    private string? _observedVersion;
    private long _observedAt;

    /// <summary>Creates the elector; it does nothing until <see cref="LeaderElector.RunAsync"/>.</summary>
    /// <param name="options">Lease name, identity and timing, e.g. <see cref="LeaderElectionTiming.KubernetesDefaults"/>;
    /// the lease duration must be whole seconds, as a Lease records it.</param>
    /// <param name="kubernetes">Namespace and API server.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public KubernetesLeaseElector(LeaderElectionOptions options, KubernetesLeaseOptions kubernetes)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        kubernetes.Validate();
        if (!KubernetesNames.IsValidSubdomain(options.LeaseName))
        {
            throw new ArgumentException($"Lease name '{options.LeaseName}' is not a Kubernetes object name (lower-case letters, digits, '-' and '.', at most 253).", nameof(options));
        }

        var duration = options.Timing.LeaseDuration;
        if (duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"LeaderElectionTiming.LeaseDuration ({duration}) must be whole seconds for a Kubernetes Lease (spec.leaseDurationSeconds).", nameof(options));
        }

        _leaseSeconds = (int)duration.TotalSeconds;
        _kubernetes = kubernetes;
        _client = new KubernetesLeaseClient(kubernetes.Api, kubernetes.Namespace, options.LeaseName);
    }

    /// <summary>The namespace of the lease.</summary>
    public string Namespace => _kubernetes.Namespace;

    private protected override async Task<LeaseGrant> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = Timing.RetryPeriod;
            try
            {
                using var bounded = Bounded(cancellationToken);
                var current = await _client.GetAsync(bounded.Token).ConfigureAwait(false);
                var requestedAt = Stopwatch.GetTimestamp();
                if (current is null)
                {
                    var json = KubernetesLease.NewJson(Namespace, LeaseName, Identity, _leaseSeconds, DateTimeOffset.UtcNow);
                    if (await _client.CreateAsync(json, bounded.Token).ConfigureAwait(false) is { } created)
                    {
                        Observe(created);
                        return new KubernetesLeaseGrant(created, requestedAt);
                    }

                    // 409: someone else created it first; read theirs.
                    continue;
                }

                Observe(current);
                var claimableIn = ClaimableIn(current);
                if (claimableIn <= TimeSpan.Zero)
                {
                    var json = current.ClaimJson(Identity, _leaseSeconds, DateTimeOffset.UtcNow);
                    if (await _client.ReplaceAsync(json, bounded.Token).ConfigureAwait(false) is { } claimed)
                    {
                        Observe(claimed);
                        return new KubernetesLeaseGrant(claimed, requestedAt);
                    }

                    // 409: someone else wrote in between; read again rather than assume who.
                    continue;
                }

                wait = claimableIn < wait ? claimableIn : wait;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogClaimFailed(Logger, LeaseName, Identity, e.Message);
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private protected override async Task<LeaseGrant?> RenewAsync(LeaseGrant grant, CancellationToken cancellationToken)
    {
        var held = (KubernetesLeaseGrant)grant;
        var requestedAt = Stopwatch.GetTimestamp();
        try
        {
            if (await _client.ReplaceAsync(held.Lease.RenewJson(DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false) is { } renewed)
            {
                Observe(renewed);
                return new KubernetesLeaseGrant(renewed, requestedAt);
            }

            // 409: someone wrote since our last write. Read it: if it is still our term (an earlier renewal that
            // landed after its reply was lost), renew on top of it; otherwise the lease is gone.
            var current = await _client.GetAsync(cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            Observe(current);
            if (!string.Equals(current.HolderIdentity, Identity, StringComparison.Ordinal) || current.LeaseTransitions != held.Lease.LeaseTransitions)
            {
                return null;
            }

            var again = await _client.ReplaceAsync(current.RenewJson(DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
            if (again is not null)
            {
                Observe(again);
            }

            return again is null ? null : new KubernetesLeaseGrant(again, requestedAt);
        }
        catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Someone deleted the lease: it is not ours any more.
            return null;
        }
    }

    private protected override async Task ReleaseAsync(LeaseGrant grant, CancellationToken cancellationToken)
    {
        var lease = ((KubernetesLeaseGrant)grant).Lease;
        try
        {
            // A 409 (null) means the lease changed since the grant was taken — possibly by this replica's own last
            // renewal — so re-read it and release again while it still names this replica; otherwise it is not ours.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                if (await _client.ReplaceAsync(lease.ReleaseJson(DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false) is not null)
                {
                    return;
                }

                var current = await _client.GetAsync(cancellationToken).ConfigureAwait(false);
                if (current is null || !string.Equals(current.HolderIdentity, Identity, StringComparison.Ordinal))
                {
                    return;
                }

                lease = current;
            }
        }
        catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Gone already.
        }
    }

    private protected override ValueTask DisposeResourcesAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>How long until the lease may be claimed: zero when released, ours, or expired by both clocks.</summary>
    private TimeSpan ClaimableIn(KubernetesLease lease)
    {
        if (lease.IsReleased || string.Equals(lease.HolderIdentity, Identity, StringComparison.Ordinal))
        {
            return TimeSpan.Zero;
        }

        var duration = TimeSpan.FromSeconds(lease.LeaseDurationSeconds is > 0 and var seconds ? seconds : _leaseSeconds);
        var byHolderClock = lease.RenewTime is { } renewed ? renewed + duration - DateTimeOffset.UtcNow : TimeSpan.Zero;
        var byOwnClock = Waits.Until(Waits.After(_observedAt, duration));
        var remaining = byHolderClock > byOwnClock ? byHolderClock : byOwnClock;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>Notes the lease; a new resourceVersion restarts this replica's clock for it.</summary>
    private void Observe(KubernetesLease lease)
    {
        if (!string.Equals(lease.ResourceVersion, _observedVersion, StringComparison.Ordinal))
        {
            _observedVersion = lease.ResourceVersion;
            _observedAt = Stopwatch.GetTimestamp();
        }

        ObserveHolder(lease.IsReleased ? null : lease.HolderIdentity);
    }

    /// <summary>Bounds one acquisition round by the renew deadline: a claim confirmed later than that is of no use.</summary>
    private CancellationTokenSource Bounded(CancellationToken cancellationToken)
    {
        var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timing.RenewDeadline);
        return bounded;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease}: claim by {Identity} failed: {Reason}")]
    private static partial void LogClaimFailed(ILogger logger, string lease, string identity, string reason);
}
