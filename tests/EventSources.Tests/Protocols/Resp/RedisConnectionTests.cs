using System.Text;
using ArgoEvents.EventSources.Protocols.Resp;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Resp;

public sealed class RedisConnectionTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_reply_type_comes_back_from_the_real_server()
    {
        await using var connection = await redis.ConnectAsync();
        var key = "types:" + Guid.NewGuid();

        var ok = await connection.ExecuteAsync(["SET", key, new byte[] { 0, 13, 10, 255 }], Ct);
        Assert.Equal(RedisReplyKind.SimpleString, ok.Kind);
        Assert.True(ok.Is("OK"u8));

        var binary = await connection.ExecuteAsync(["GET", key], Ct);
        Assert.Equal(RedisReplyKind.BulkString, binary.Kind);
        Assert.Equal(new byte[] { 0, 13, 10, 255 }, binary.Bytes.ToArray());

        var missing = await connection.ExecuteAsync(["GET", key + ":missing"], Ct);
        Assert.True(missing.IsNull);

        var integer = await connection.ExecuteAsync(["INCRBY", key + ":n", -5L], Ct);
        Assert.Equal(-5, integer.Integer);

        await connection.ExecuteAsync(["RPUSH", key + ":list", "a", "", "c"], Ct);
        var array = await connection.ExecuteAsync(["LRANGE", key + ":list", 0L, -1L], Ct);
        Assert.Equal(new[] { "a", "", "c" }, ToStrings(array));

        var empty = await connection.ExecuteAsync(["LRANGE", key + ":none", 0L, -1L], Ct);
        Assert.Equal(0, empty.Count);
        Assert.False(empty.IsNull);

        var nullArray = await connection.ExecuteAsync(["BLPOP", key + ":none", "0.01"], Ct);
        Assert.True(nullArray.IsNull);
        Assert.Equal(RedisReplyKind.Array, nullArray.Kind);

        // MULTI/EXEC nests an error reply and an integer inside the EXEC array.
        await connection.ExecuteAsync(["MULTI"], Ct);
        var queued1 = await connection.ExecuteAsync(["INCR", key], Ct);
        var queued2 = await connection.ExecuteAsync(["INCR", key + ":n"], Ct);
        Assert.True(queued1.Is("QUEUED"u8) && queued2.Is("QUEUED"u8));
        var exec = await connection.ExecuteAsync(["EXEC"], Ct);
        Assert.Equal(RedisReplyKind.Error, exec[0].Kind);
        Assert.StartsWith("ERR", exec[0].AsString(), StringComparison.Ordinal);
        Assert.Equal(-4, exec[1].Integer);

        // Nested arrays with integers: XRANGE-like shapes come from COMMAND INFO.
        var info = await connection.ExecuteAsync(["COMMAND", "INFO", "get"], Ct);
        Assert.Equal("get", info[0][0].AsString());
        Assert.Equal(2, info[0][1].Integer);
    }

    [Fact]
    public async Task An_error_reply_is_a_typed_exception_and_the_connection_goes_on()
    {
        await using var connection = await redis.ConnectAsync();
        var key = "wrongtype:" + Guid.NewGuid();
        await connection.ExecuteAsync(["SET", key, "text"], Ct);

        var error = await Assert.ThrowsAsync<RedisServerException>(() => connection.ExecuteAsync(["LPUSH", key, "x"], Ct));
        Assert.Equal("WRONGTYPE", error.ErrorCode);
        Assert.Equal("LPUSH", error.Command);

        var unknown = await Assert.ThrowsAsync<RedisServerException>(() => connection.ExecuteAsync(["NOSUCHCOMMAND"], Ct));
        Assert.Equal("ERR", unknown.ErrorCode);

        await connection.PingAsync(Ct);
        Assert.True(connection.IsConnected);
    }

    [Fact]
    public async Task Ten_thousand_pipelined_commands_get_their_own_replies_in_order()
    {
        await using var connection = await redis.ConnectAsync();
        var key = "pipeline:" + Guid.NewGuid();
        const int count = 10_000;
        var increments = new Task<RedisReply>[count];
        var echoes = new Task<RedisReply>[count];
        for (var i = 0; i < count; i++)
        {
            increments[i] = connection.ExecuteAsync(["INCR", key], Ct);
            echoes[i] = connection.ExecuteAsync(["ECHO", i], Ct);
        }

        Assert.True(connection.PendingCommands > 0);
        var incremented = await Task.WhenAll(increments);
        var echoed = await Task.WhenAll(echoes);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i + 1, incremented[i].Integer);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), echoed[i].AsString());
        }

        Assert.Equal(0, connection.PendingCommands);
    }

    [Fact]
    public async Task Concurrent_callers_each_get_their_own_reply()
    {
        await using var connection = await redis.ConnectAsync();
        var prefix = "concurrent:" + Guid.NewGuid() + ":";
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                var value = $"{worker}-{i}";
                var echoed = await connection.ExecuteAsync(["ECHO", value], Ct);
                Assert.Equal(value, echoed.AsString());
            }
        }, Ct)));
    }

    [Fact]
    public async Task Cancelling_waiters_in_the_middle_of_a_pipeline_keeps_replies_matched()
    {
        await using var connection = await redis.ConnectAsync();
        var key = "cancel:" + Guid.NewGuid();

        // A blocked command holds every later reply back, so the cancellations surely happen before their replies arrive.
        var blocker = connection.ExecuteAsync(["BLPOP", key + ":wake", "5"], Ct);
        using var cancel = new CancellationTokenSource();
        var cancelled = new List<Task<RedisReply>>();
        var kept = new List<(int Index, Task<RedisReply> Reply)>();
        for (var i = 0; i < 200; i++)
        {
            if (i % 3 == 0)
            {
                cancelled.Add(connection.ExecuteAsync(["INCR", key], cancel.Token));
            }
            else
            {
                kept.Add((i, connection.ExecuteAsync(["ECHO", i], Ct)));
            }
        }

        cancel.Cancel();
        foreach (var task in cancelled)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        }

        await using (var other = await redis.ConnectAsync())
        {
            await other.ExecuteAsync(["RPUSH", key + ":wake", "go"], Ct);
        }

        Assert.Equal("go", (await blocker)[1].AsString());
        foreach (var (index, reply) in kept)
        {
            Assert.Equal(index.ToString(System.Globalization.CultureInfo.InvariantCulture), (await reply).AsString());
        }

        // The cancelled INCRs were sent and executed; their replies were read and dropped.
        Assert.Equal(cancelled.Count, (await connection.ExecuteAsync(["GET", key], Ct)).AsString() is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : -1);
        Assert.Equal("after", (await connection.ExecuteAsync(["ECHO", "after"], Ct)).AsString());
        Assert.Equal(0, connection.PendingCommands);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_call_sends_nothing()
    {
        await using var connection = await redis.ConnectAsync();
        var key = "precancel:" + Guid.NewGuid();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.ExecuteAsync(["INCR", key], new CancellationToken(true)));
        Assert.True((await connection.ExecuteAsync(["GET", key], Ct)).IsNull);
    }

    [Fact]
    public async Task Select_keeps_databases_apart_and_setname_names_the_client()
    {
        var key = "db:" + Guid.NewGuid();
        await using var db0 = await redis.ConnectAsync();
        await using var db5 = await RedisConnection.ConnectAsync(redis.Options with { Database = 5, ClientName = "argo-resp-test" }, Ct);

        await db5.ExecuteAsync(["SET", key, "five"], Ct);
        Assert.True((await db0.ExecuteAsync(["GET", key], Ct)).IsNull);
        Assert.Equal("five", (await db5.ExecuteAsync(["GET", key], Ct)).AsString());
        Assert.Equal("argo-resp-test", (await db5.ExecuteAsync(["CLIENT", "GETNAME"], Ct)).AsString());
        Assert.Contains("db=5", (await db5.ExecuteAsync(["CLIENT", "INFO"], Ct)).AsString(), StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<RedisServerException>(() => RedisConnection.ConnectAsync(redis.Options with { Database = 99 }, Ct));
        Assert.Contains("DB index", error.ServerMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mode_switching_commands_are_refused_on_a_command_connection()
    {
        await using var connection = await redis.ConnectAsync();
        var error = Assert.Throws<ArgumentException>(() => { _ = connection.ExecuteAsync(["subscribe", "x"], Ct); });
        Assert.Contains("RedisSubscriber", error.Message, StringComparison.Ordinal);
        await connection.PingAsync(Ct);
    }

    [Fact]
    public async Task Nobody_listening_is_a_fast_connection_error()
    {
        var port = ArgoEvents.Testing.FreePorts.Next();
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisConnection.ConnectAsync(new RedisOptions { Port = port }, Ct));
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposal_fails_pending_commands_and_later_ones()
    {
        var connection = await redis.ConnectAsync();
        var blocked = connection.ExecuteAsync(["BLPOP", "never:" + Guid.NewGuid(), "10"], Ct);
        await connection.DisposeAsync();
        await Assert.ThrowsAsync<RedisConnectionException>(() => blocked);
        await Assert.ThrowsAsync<RedisConnectionException>(() => connection.ExecuteAsync(["PING"], Ct));
        Assert.False(connection.IsConnected);
        Assert.Contains("closed by its owner", (await connection.Closed).Message, StringComparison.Ordinal);
    }

    private static string[] ToStrings(RedisReply array)
    {
        var items = new string[array.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = array[i].AsString() ?? "(null)";
        }

        return items;
    }
}
