using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>What an elector campaigns for, as whom, and how fast.</summary>
public sealed record LeaderElectionOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="leaseName">The lease, e.g. from <see cref="LeaseNames.ForEventSource"/>.</param>
    /// <param name="identity">This replica's identity; unique among the candidates (the pod name).</param>
    /// <param name="timing">Lease duration, renew deadline, renew interval and retry period.</param>
    public LeaderElectionOptions(string leaseName, string identity, LeaderElectionTiming timing)
    {
        LeaseName = leaseName;
        Identity = identity;
        Timing = timing;
    }

    /// <summary>The lease, e.g. <c>eventsource-calendar</c>.</summary>
    public string LeaseName { get; init; }

    /// <summary>This replica's identity; unique among the candidates (the pod name).</summary>
    public string Identity { get; init; }

    /// <summary>Lease duration, renew deadline, renew interval and retry period.</summary>
    public LeaderElectionTiming Timing { get; init; }

    /// <summary>Where gains, losses and failed renewals are logged.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Throws when a setting is missing or inconsistent; the message names it.</summary>
    /// <exception cref="ArgumentException">A setting is missing or inconsistent.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(LeaseName))
        {
            throw new ArgumentException("LeaderElectionOptions.LeaseName must not be empty.", nameof(LeaseName));
        }

        if (string.IsNullOrWhiteSpace(Identity))
        {
            throw new ArgumentException($"LeaderElectionOptions.Identity must not be empty (lease '{LeaseName}'); use the pod name.", nameof(Identity));
        }

        if (Timing is null)
        {
            throw new ArgumentException($"LeaderElectionOptions.Timing must be set (lease '{LeaseName}').", nameof(Timing));
        }

        if (Logger is null)
        {
            throw new ArgumentException($"LeaderElectionOptions.Logger must not be null (lease '{LeaseName}'); use NullLogger.Instance.", nameof(Logger));
        }

        Timing.Validate();
    }
}
