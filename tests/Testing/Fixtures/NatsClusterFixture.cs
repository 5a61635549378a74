using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.Testing.Fixtures;

/// <summary>
/// xunit class fixture: a healthy 3-node JetStream cluster shared by the tests of a class. A test that
/// kills a node must bring it back (<see cref="NatsCluster.RestartNodeAsync"/>) before it ends.
/// Derive and override <see cref="NodeCount"/> or <see cref="CreateTemplate"/> for other shapes.
/// </summary>
public class NatsClusterFixture : IAsyncLifetime
{
    private NatsCluster? _cluster;

    /// <summary>The cluster; available once xunit initialized the fixture.</summary>
    public NatsCluster Cluster =>
        _cluster ?? throw new InvalidOperationException($"{GetType().Name} is not initialized yet.");

    /// <summary>Every node's client URL.</summary>
    public IReadOnlyList<string> ClientUrls => Cluster.ClientUrls;

    /// <summary>How many nodes to start.</summary>
    protected virtual int NodeCount => 3;

    /// <summary>Starts the cluster and waits until it is healthy.</summary>
    public async ValueTask InitializeAsync()
    {
        _cluster = new NatsCluster(NodeCount, CreateTemplate());
        await _cluster.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Kills every node and deletes their directories.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Extra settings for every node (see <see cref="NatsCluster(int, NatsServerOptions?)"/>).</summary>
    protected virtual NatsServerOptions CreateTemplate() => new();
}
