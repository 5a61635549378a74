using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Infrastructure;

public sealed class NatsServerProcessTests
{
    [Fact]
    public async Task Token_server_rejects_a_wrong_token_and_accepts_the_right_one()
    {
        using var timeout = TestTimeout.After(20);
        var ct = timeout.Token;
        await using var server = new NatsServerProcess(new NatsServerOptions { Token = "s3cr\"t\\x" });
        await server.StartAsync(ct);

        await using (var wrong = await RawNatsSocket.ConnectAsync(server.Port, ct))
        {
            Assert.Contains("\"auth_required\":true", wrong.Info, StringComparison.Ordinal);
            Assert.Equal("-ERR 'Authorization Violation'", await wrong.HandshakeAsync("""{"verbose":false,"auth_token":"s3cret"}""", ct));
        }

        await using var right = await RawNatsSocket.ConnectAsync(server.Port, ct);
        Assert.Equal("PONG", await right.HandshakeAsync("""{"verbose":false,"auth_token":"s3cr\"t\\x"}""", ct));
    }

    [Fact]
    public async Task User_password_server_rejects_a_wrong_password()
    {
        using var timeout = TestTimeout.After(20);
        var ct = timeout.Token;
        await using var server = new NatsServerProcess(new NatsServerOptions { User = "app", Password = "pw" });
        await server.StartAsync(ct);

        await using var wrong = await RawNatsSocket.ConnectAsync(server.Port, ct);
        Assert.Equal("-ERR 'Authorization Violation'", await wrong.HandshakeAsync("""{"verbose":false,"user":"app","pass":"nope"}""", ct));
        await using var right = await RawNatsSocket.ConnectAsync(server.Port, ct);
        Assert.Equal("PONG", await right.HandshakeAsync("""{"verbose":false,"user":"app","pass":"pw"}""", ct));
    }

    [Fact]
    public async Task Max_payload_and_server_name_reach_the_server()
    {
        using var timeout = TestTimeout.After(20);
        var ct = timeout.Token;
        await using var server = new NatsServerProcess(new NatsServerOptions { ServerName = "payload-check", MaxPayload = 4096 });
        await server.StartAsync(ct);

        await using var socket = await RawNatsSocket.ConnectAsync(server.Port, ct);
        using var info = JsonDocument.Parse(socket.Info["INFO ".Length..]);
        Assert.Equal(4096, info.RootElement.GetProperty("max_payload").GetInt32());
        Assert.Equal("payload-check", info.RootElement.GetProperty("server_name").GetString());
        Assert.Equal($"nats://127.0.0.1:{server.Port}", server.ClientUrl);
        Assert.NotEqual(server.Port, server.MonitorPort);
    }

    [Fact]
    public async Task Killed_jetstream_server_restarts_on_the_same_port_with_its_streams()
    {
        using var timeout = TestTimeout.After(40);
        var ct = timeout.Token;
        await using var server = new NatsServerProcess(new NatsServerOptions { JetStream = true });
        await server.StartAsync(ct);
        await RawNatsSocket.CreateStreamAsync(server.Port, "KEPT", replicas: 1, ct);
        var firstPid = server.Pid;

        server.Kill();

        Assert.False(server.IsRunning);
        Assert.False(await PortProbe.AcceptsAsync(server.Port, ct));
        await server.RestartAsync(ct);
        Assert.True(server.IsRunning);
        Assert.NotEqual(firstPid, server.Pid);
        await using var socket = await RawNatsSocket.ConnectAsync(server.Port, ct);
        Assert.Equal("PONG", await socket.HandshakeAsync(RawNatsSocket.PlainConnect, ct));
        var info = await socket.RequestAsync("$JS.API.STREAM.INFO.KEPT", "", ct);
        Assert.Equal("KEPT", JsonDocument.Parse(info).RootElement.GetProperty("config").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Stop_is_graceful_and_exits_with_code_zero()
    {
        using var timeout = TestTimeout.After(40);
        var ct = timeout.Token;
        await using var server = new NatsServerProcess(new NatsServerOptions { JetStream = true });
        await server.StartAsync(ct);

        await server.StopAsync(ct);

        Assert.False(server.IsRunning);
        Assert.Equal(0, server.ExitCode);
        Assert.Contains(server.Log.Snapshot(), l => l.Contains("Server Exiting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lame_duck_mode_tells_clients_and_refuses_new_ones()
    {
        using var timeout = TestTimeout.After(30);
        var ct = timeout.Token;
        await using var server = new NatsServerProcess(new NatsServerOptions
        {
            LameDuckDuration = TimeSpan.FromSeconds(30),
            LameDuckGracePeriod = TimeSpan.FromSeconds(20),
        });
        await server.StartAsync(ct);
        await using var client = await RawNatsSocket.ConnectAsync(server.Port, ct);
        Assert.Equal("PONG", await client.HandshakeAsync(RawNatsSocket.PlainConnect, ct));

        await server.EnterLameDuckAsync(ct);

        Assert.False(await PortProbe.AcceptsAsync(server.Port, ct));
        string? line;
        do
        {
            line = await client.ReadLineAsync(ct);
        }
        while (line is not null && !line.StartsWith("INFO ", StringComparison.Ordinal));
        Assert.NotNull(line);
        Assert.Contains("\"ldm\":true", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_kills_the_process_and_deletes_its_directory()
    {
        using var timeout = TestTimeout.After(20);
        var ct = timeout.Token;
        var server = new NatsServerProcess(new NatsServerOptions { JetStream = true });
        await server.StartAsync(ct);
        using var process = Process.GetProcessById(server.Pid);
        var directory = server.WorkingDirectory;
        Assert.True(Directory.Exists(Path.Combine(directory, "store")));

        server.Dispose();

        Assert.True(process.WaitForExit(5000));
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task A_taken_explicit_port_fails_with_the_servers_own_words()
    {
        using var timeout = TestTimeout.After(20);
        var ct = timeout.Token;
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        squatter.Listen();
        var port = ((IPEndPoint)squatter.LocalEndPoint!).Port;
        await using var server = new NatsServerProcess(new NatsServerOptions { Port = port });

        var error = await Assert.ThrowsAsync<NatsServerException>(() => server.StartAsync(ct));

        Assert.True(error.PortConflict);
        Assert.Contains("address already in use", error.Message, StringComparison.Ordinal);
        Assert.False(server.IsRunning);
    }
}
