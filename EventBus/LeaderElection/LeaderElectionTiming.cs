namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>
/// How long a lease lasts and how its holder and candidates pace themselves. Safety rests on one rule: the holder
/// fences itself after <see cref="RenewDeadline"/> without a successful renewal, and candidates take over only after
/// <see cref="LeaseDuration"/> without seeing the lease move, so a deposed holder has stopped (with
/// <see cref="LeaseDuration"/> − <see cref="RenewDeadline"/> to spare for its work to wind down) before anyone else starts.
/// </summary>
public sealed record LeaderElectionTiming
{
    /// <summary>The environment variable that overrides <see cref="LeaseDuration"/> (Argo v1.9.11+); a Go duration such as <c>15s</c>.</summary>
    public const string LeaseDurationVariable = "LEADER_ELECTION_LEASE_DURATION";

    /// <summary>The environment variable that overrides <see cref="RenewDeadline"/>.</summary>
    public const string RenewDeadlineVariable = "LEADER_ELECTION_RENEW_DEADLINE";

    /// <summary>The environment variable that overrides <see cref="RetryPeriod"/>.</summary>
    public const string RetryPeriodVariable = "LEADER_ELECTION_RETRY_PERIOD";

    /// <summary>Creates the timing.</summary>
    /// <param name="leaseDuration">How long candidates wait, after the lease last moved, before taking it over.</param>
    /// <param name="renewDeadline">How long the leader goes without a successful renewal before it fences itself.</param>
    /// <param name="renewInterval">How often the leader renews.</param>
    /// <param name="retryPeriod">How long to wait after a failed attempt, and (Kubernetes) how often candidates poll.</param>
    public LeaderElectionTiming(TimeSpan leaseDuration, TimeSpan renewDeadline, TimeSpan renewInterval, TimeSpan retryPeriod)
    {
        LeaseDuration = leaseDuration;
        RenewDeadline = renewDeadline;
        RenewInterval = renewInterval;
        RetryPeriod = retryPeriod;
    }

    /// <summary>
    /// Defaults of the NATS KV lease: 1.5 s lease, fence after 1 s without a renewal, renew every 0.3 s, retry after
    /// 0.1 s. Why (reference/nats.md §3.3, measured on nats-server 2.9.10):
    /// <list type="bullet">
    /// <item>Crash failover. Candidates arm a timer for the exact moment the holder's revision has been still for the
    /// lease duration, then win with one compare-and-set write (about a millisecond on a healthy bus). §3.3 measured
    /// failover between ⅔·TTL and TTL + poll with a poll-based candidate; with no poll, failover here is at most about
    /// 1.5 s, inside the 2 s the EventSources promise.</item>
    /// <item>Safety. The 1 s renew deadline is below the 1.5 s lease, so a holder that cannot renew (network, frozen
    /// server) has stopped, with 0.5 s to spare for its work to wind down, before anyone else may take over.</item>
    /// <item>Tolerance. Renewing every 0.3 s leaves three attempts inside the deadline, so one lost reply or one 503
    /// retry (250 ms) during a brief hiccup does not fence a healthy leader.</item>
    /// <item>Graceful handover does not depend on these numbers: the resigning leader deletes the key and candidates
    /// watching it claim it at once (milliseconds).</item>
    /// </list>
    /// The trade-off §3.3 measured: when the server leading the KV stream of an R3 bucket dies, the stream needs 4–9 s
    /// (5.3–6.6 s measured) to elect a new leader, and no lease shorter than that survives it. With these defaults the
    /// leader fences itself about 1 s into such an outage and the lease changes hands (or returns) once the stream is
    /// back: a leadership gap about as long as the stream election. A lease of 10–15 s (renew every 3–5 s) rides
    /// through stream elections at the price of crash failover of that length; set it with
    /// <see cref="WithEnvironmentOverrides"/> or directly.
    /// </summary>
    public static LeaderElectionTiming NatsKeyValueDefaults { get; } = new(
        TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100));

    /// <summary>
    /// Argo Events' Kubernetes lease defaults (client-go <c>leaderelection</c>): lease 5 s, renew deadline 2 s, retry
    /// period 1 s; the leader renews every retry period, as client-go does.
    /// </summary>
    public static LeaderElectionTiming KubernetesDefaults { get; } = new(
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    /// <summary>How long candidates wait, after the lease last moved, before taking it over (the lease's TTL).</summary>
    public TimeSpan LeaseDuration { get; init; }

    /// <summary>How long the leader goes without a successful renewal before it fences itself; below <see cref="LeaseDuration"/>.</summary>
    public TimeSpan RenewDeadline { get; init; }

    /// <summary>How often the leader renews; below <see cref="RenewDeadline"/>.</summary>
    public TimeSpan RenewInterval { get; init; }

    /// <summary>How long to wait after a failed attempt; Kubernetes candidates also poll the lease this often.</summary>
    public TimeSpan RetryPeriod { get; init; }

    /// <summary>
    /// Applies Argo's environment overrides (<see cref="LeaseDurationVariable"/>, <see cref="RenewDeadlineVariable"/>,
    /// <see cref="RetryPeriodVariable"/>), each a Go duration ("15s", "1500ms") or a number of seconds. When this timing
    /// renews every retry period (as client-go does), overriding the retry period moves the renew interval with it.
    /// </summary>
    /// <param name="getEnvironmentVariable">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> in services.</param>
    /// <returns>The timing with the overrides applied.</returns>
    /// <exception cref="ArgumentException">A variable is set but is not a positive duration; the message names it.</exception>
    public LeaderElectionTiming WithEnvironmentOverrides(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var result = this;
        if (Read(getEnvironmentVariable, LeaseDurationVariable) is { } lease)
        {
            result = result with { LeaseDuration = lease };
        }

        if (Read(getEnvironmentVariable, RenewDeadlineVariable) is { } deadline)
        {
            result = result with { RenewDeadline = deadline };
        }

        if (Read(getEnvironmentVariable, RetryPeriodVariable) is { } retry)
        {
            result = RenewInterval == RetryPeriod
                ? result with { RetryPeriod = retry, RenewInterval = retry }
                : result with { RetryPeriod = retry };
        }

        return result;
    }

    /// <summary>Throws unless every period is positive and LeaseDuration &gt; RenewDeadline &gt; RenewInterval, RetryPeriod.</summary>
    /// <exception cref="ArgumentException">A rule is broken; the message names the values.</exception>
    public void Validate()
    {
        EnsurePositive(LeaseDuration, nameof(LeaseDuration));
        EnsurePositive(RenewDeadline, nameof(RenewDeadline));
        EnsurePositive(RenewInterval, nameof(RenewInterval));
        EnsurePositive(RetryPeriod, nameof(RetryPeriod));
        if (RenewDeadline >= LeaseDuration)
        {
            throw new ArgumentException(
                $"LeaderElectionTiming.RenewDeadline ({RenewDeadline}) must be shorter than LeaseDuration ({LeaseDuration}): a leader that cannot renew must stop before anyone may take its lease over.",
                nameof(RenewDeadline));
        }

        if (RenewInterval >= RenewDeadline)
        {
            throw new ArgumentException(
                $"LeaderElectionTiming.RenewInterval ({RenewInterval}) must be shorter than RenewDeadline ({RenewDeadline}): the leader must get to renew before it fences itself.",
                nameof(RenewInterval));
        }

        if (RetryPeriod >= RenewDeadline)
        {
            throw new ArgumentException(
                $"LeaderElectionTiming.RetryPeriod ({RetryPeriod}) must be shorter than RenewDeadline ({RenewDeadline}): a failed renewal must be retried before the leader fences itself.",
                nameof(RetryPeriod));
        }
    }

    private static TimeSpan? Read(Func<string, string?> getEnvironmentVariable, string name)
    {
        var text = getEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!GoDuration.TryParse(text, out var value) || value <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Environment variable {name}='{text}' is not a positive duration; use a Go duration such as '5s' or '1500ms', or a number of seconds.",
                nameof(getEnvironmentVariable));
        }

        return value;
    }

    private static void EnsurePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"LeaderElectionTiming.{name} must be positive, not {value}.", name);
        }
    }
}
