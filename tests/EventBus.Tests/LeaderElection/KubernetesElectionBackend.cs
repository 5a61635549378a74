using ArgoEvents.EventBus.LeaderElection;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

/// <summary>
/// The Kubernetes Lease on the in-test Lease API server (no Kubernetes API server can run here); every candidate
/// has its own HTTP handler, which the test can sever to play a crashed replica.
/// </summary>
internal sealed class KubernetesElectionBackend : IElectionBackend
{
    public const string Namespace = "argo-events";
    public const string Token = "in-test-token";

    private readonly List<SeverableHandler> _handlers = [];

    private KubernetesElectionBackend(InTestLeaseApiServer server, string leaseName)
    {
        Server = server;
        LeaseName = leaseName;
    }

    /// <summary>Fast timing for tests (a Lease counts whole seconds): 1 s lease, fence at 0.6 s, renew every 0.2 s, poll every 0.1 s.</summary>
    public LeaderElectionTiming Timing { get; } = new(
        TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100));

    public InTestLeaseApiServer Server { get; }

    public string LeaseName { get; }

    public static KubernetesElectionBackend Start(string leaseName = "eventsource-calendar")
    {
        var server = InTestLeaseApiServer.Start();
        server.RequiredToken = Token;
        return new KubernetesElectionBackend(server, leaseName);
    }

    public KubernetesLeaseElector CreateElector(string identity, HttpMessageHandler handler, LeaderElectionTiming? timing = null, Func<KubernetesApiOptions, KubernetesApiOptions>? adjust = null)
    {
        var api = new KubernetesApiOptions(Server.BaseAddress) { BearerToken = Token, HttpMessageHandler = handler };
        return new KubernetesLeaseElector(
            new LeaderElectionOptions(LeaseName, identity, timing ?? Timing),
            new KubernetesLeaseOptions(Namespace, adjust is null ? api : adjust(api)));
    }

    public Task<Candidate> StartCandidateAsync(string identity, WorkOverlapMonitor monitor)
    {
        var handler = new SeverableHandler();
        lock (_handlers)
        {
            _handlers.Add(handler);
        }

        var candidate = new Candidate(identity, CreateElector(identity, handler), monitor, () =>
        {
            handler.Sever();
            return ValueTask.CompletedTask;
        }, () => ValueTask.CompletedTask);
        candidate.Start();
        return Task.FromResult(candidate);
    }

    public Task OverwriteLeaseAsync(string holder)
    {
        Server.Overwrite(Namespace, LeaseName, holder, (int)Timing.LeaseDuration.TotalSeconds);
        return Task.CompletedTask;
    }

    public void Freeze() => Server.Freeze();

    public void Thaw() => Server.Thaw();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        lock (_handlers)
        {
            foreach (var handler in _handlers)
            {
                handler.Dispose();
            }
        }
    }
}
