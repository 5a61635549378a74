using System.Text.Json;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Infrastructure;

public sealed class NatsClusterTests(NatsClusterFixture fixture) : IClassFixture<NatsClusterFixture>
{
    [Fact]
    public async Task Three_nodes_agree_on_one_meta_leader()
    {
        using var timeout = TestTimeout.After(20);
        var ct = timeout.Token;
        var cluster = fixture.Cluster;

        var reports = new List<JszReport>();
        foreach (var node in cluster.Nodes)
        {
            var jsz = await node.GetMonitorAsync("/jsz", ct);
            Assert.True(jsz.IsOk, $"{node.ServerName}: {jsz}");
            reports.Add(JszReport.Parse(jsz.Body));
        }

        Assert.Equal(["n1", "n2", "n3"], cluster.Nodes.Select(n => n.ServerName));
        Assert.Equal(3, cluster.ClientUrls.Distinct().Count());
        Assert.All(reports, r => Assert.Equal(3, r.MetaClusterSize));
        var leader = Assert.Single(reports.Select(r => r.MetaLeader).Distinct());
        Assert.Contains(leader, cluster.Nodes.Select(n => n.ServerName));
    }

    [Fact]
    public async Task Finds_the_leader_of_an_R3_stream()
    {
        using var timeout = TestTimeout.After(40);
        var ct = timeout.Token;
        var cluster = fixture.Cluster;

        var created = await RawNatsSocket.CreateStreamAsync(cluster.Node(0).Port, "ORDERS", replicas: 3, ct);
        var leader = await cluster.FindStreamLeaderAsync("ORDERS", ct);

        await using var socket = await RawNatsSocket.ConnectAsync(cluster.Node(2).Port, ct);
        Assert.Equal("PONG", await socket.HandshakeAsync(RawNatsSocket.PlainConnect, ct));
        var info = JsonDocument.Parse(await socket.RequestAsync("$JS.API.STREAM.INFO.ORDERS", "", ct)).RootElement;
        Assert.Equal(3, created.GetProperty("config").GetProperty("num_replicas").GetInt32());
        Assert.Equal(info.GetProperty("cluster").GetProperty("leader").GetString(), leader.ServerName);
    }

    [Fact]
    public async Task A_stream_nobody_leads_fails_with_every_nodes_view()
    {
        using var timeout = TestTimeout.After(20);

        var error = await Assert.ThrowsAsync<NatsServerException>(
            () => fixture.Cluster.FindStreamLeaderAsync("MISSING", TimeSpan.FromSeconds(1), timeout.Token));

        Assert.Contains("'MISSING'", error.Message, StringComparison.Ordinal);
        Assert.All(["n1", "n2", "n3"], n => Assert.Contains($"  {n} (nats://127.0.0.1:", error.Message, StringComparison.Ordinal));
        Assert.Contains("does not host stream 'MISSING'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_indexes_outside_the_cluster_are_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Cluster.Node(3));

        Assert.Contains("0..2", error.Message, StringComparison.Ordinal);
    }
}
