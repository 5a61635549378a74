using System.Text.Json;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Infrastructure;

public sealed class NatsServerFixtureTests(NatsServerFixture fixture) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task Single_node_serves_jetstream()
    {
        using var timeout = TestTimeout.After(20);
        var ct = timeout.Token;

        await using var socket = await RawNatsSocket.ConnectAsync(fixture.Server.Port, ct);
        using var info = JsonDocument.Parse(socket.Info["INFO ".Length..]);
        Assert.True(info.RootElement.GetProperty("jetstream").GetBoolean());
        Assert.Equal(fixture.Server.ServerName, info.RootElement.GetProperty("server_name").GetString());

        var created = await RawNatsSocket.CreateStreamAsync(fixture.Server.Port, "SINGLE", replicas: 1, ct);
        Assert.Equal("SINGLE", created.GetProperty("config").GetProperty("name").GetString());
        Assert.True((await fixture.Server.GetMonitorAsync("/healthz", ct)).IsOk);
    }
}
