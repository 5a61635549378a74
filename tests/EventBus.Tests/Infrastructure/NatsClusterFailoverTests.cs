using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Infrastructure;

// Each test owns its cluster: killing nodes must not disturb tests that share a fixture.
public sealed class NatsClusterFailoverTests
{
    [Fact]
    public async Task Killed_node_restarts_and_rejoins_the_cluster()
    {
        using var timeout = TestTimeout.After(90);
        var ct = timeout.Token;
        await using var cluster = new NatsCluster(3);
        await cluster.StartAsync(ct);
        var victim = cluster.Node(1);
        var port = victim.Port;

        cluster.KillNode(1);

        Assert.False(victim.IsRunning);
        Assert.False(await PortProbe.AcceptsAsync(port, ct));
        await cluster.WaitHealthyAsync(ct);
        await cluster.RestartNodeAsync(1, ct);
        Assert.True(victim.IsRunning);
        Assert.Equal(port, victim.Port);
        var jsz = JszReport.Parse((await victim.GetMonitorAsync("/jsz", ct)).Body);
        Assert.Equal(3, jsz.MetaClusterSize);
        Assert.NotNull(jsz.MetaLeader);
    }

    [Fact]
    public async Task Killing_a_stream_leader_moves_leadership_to_a_survivor()
    {
        using var timeout = TestTimeout.After(90);
        var ct = timeout.Token;
        await using var cluster = new NatsCluster(3);
        await cluster.StartAsync(ct);
        await RawNatsSocket.CreateStreamAsync(cluster.Node(0).Port, "FAILOVER", replicas: 3, ct);
        var oldLeader = await cluster.FindStreamLeaderAsync("FAILOVER", ct);

        oldLeader.Kill();
        var newLeader = await cluster.FindStreamLeaderAsync("FAILOVER", ct);

        Assert.NotSame(oldLeader, newLeader);
        Assert.True(newLeader.IsRunning);
    }
}
