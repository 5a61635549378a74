using ArgoEvents.EventBus.LeaderElection;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

/// <summary>One lease backend on a real (or, for Kubernetes, in-test) server, as the shared election scenarios drive it.</summary>
internal interface IElectionBackend : IAsyncDisposable
{
    LeaderElectionTiming Timing { get; }

    /// <summary>Creates a candidate with its own connection to the server and starts its campaign.</summary>
    Task<Candidate> StartCandidateAsync(string identity, WorkOverlapMonitor monitor);

    /// <summary>Writes the lease behind the electors' backs, naming another holder.</summary>
    Task OverwriteLeaseAsync(string holder);

    /// <summary>Makes the server stop answering (requests hang) until <see cref="Thaw"/>.</summary>
    void Freeze();

    void Thaw();
}
