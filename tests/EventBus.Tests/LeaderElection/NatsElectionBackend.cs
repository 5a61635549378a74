using System.Text;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventBus.LeaderElection;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

/// <summary>The NATS KV lease on real nats-server processes; every candidate has its own connection.</summary>
internal sealed class NatsElectionBackend(IReadOnlyList<string> urls, string leaseName, NatsLeaseBucketOptions bucket, Func<IEnumerable<int>> serverPids)
    : IElectionBackend
{
    private readonly List<NatsConnection> _connections = [];
    private int _next;

    public LeaderElectionTiming Timing { get; init; } = LeaderElectionTiming.NatsKeyValueDefaults;

    public string LeaseName => leaseName;

    public NatsLeaseBucketOptions Bucket => bucket;

    public static Task<NatsConnection> ConnectAsync(string url) =>
        NatsConnection.ConnectAsync(
            new NatsOptions
            {
                Urls = [url],
                ReconnectWaitMin = TimeSpan.FromMilliseconds(50),
                ReconnectWaitMax = TimeSpan.FromMilliseconds(250),
            });

    public async Task<Candidate> StartCandidateAsync(string identity, WorkOverlapMonitor monitor)
    {
        var connection = await ConnectAsync(urls[_next++ % urls.Count]);
        lock (_connections)
        {
            _connections.Add(connection);
        }

        var elector = new NatsKeyValueLeaderElector(connection, new LeaderElectionOptions(leaseName, identity, Timing), bucket);
        var candidate = new Candidate(identity, elector, monitor, connection.DisposeAsync, connection.DisposeAsync);
        candidate.Start();
        return candidate;
    }

    public async Task OverwriteLeaseAsync(string holder)
    {
        await using var connection = await ConnectAsync(urls[0]);
        var store = await new KeyValueContext(new JetStreamContext(connection)).GetStoreAsync(bucket.BucketFor(leaseName));
        var now = DateTime.UtcNow.ToString("O");
        await store.PutAsync(leaseName, Encoding.UTF8.GetBytes($$"""{"holder":"{{holder}}","acquired":"{{now}}","renewed":"{{now}}"}"""));
    }

    public void Freeze()
    {
        foreach (var pid in serverPids())
        {
            UnixSignals.Send(pid, Signals.Stop);
        }
    }

    public void Thaw()
    {
        foreach (var pid in serverPids())
        {
            UnixSignals.Send(pid, Signals.Continue);
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<NatsConnection> connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>Linux signal numbers the shared <see cref="UnixSignals"/> has no names for.</summary>
    private static class Signals
    {
        public const int Continue = 18;
        public const int Stop = 19;
    }
}
