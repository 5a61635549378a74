using ArgoEvents.EventSources.Protocols.Resp;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Resp;

public sealed class RedisStreamCommandsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Group = "argo-events-cg";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Group_create_read_ack_pending_cycle()
    {
        await using var connection = await redis.ConnectAsync();
        var stream = "orders:" + Guid.NewGuid();

        Assert.True(await connection.CreateConsumerGroupAsync(stream, Group, "$", createStream: true, Ct));
        Assert.False(await connection.CreateConsumerGroupAsync(stream, Group, "$", createStream: true, Ct));

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await connection.StreamAddAsync(stream, [("n", i), ("body", new byte[] { 0, (byte)i })], cancellationToken: Ct));
        }

        var first = await connection.ReadGroupAsync(stream, Group, "replica-0", RedisStreamCommands.NewEntries, 3, cancellationToken: Ct);
        Assert.Equal(ids.Take(3), first.Select(e => e.Id));
        Assert.Equal("0", first[0].Fields[0].ValueText);
        Assert.Equal(new byte[] { 0, 2 }, first[2]["body"]!.Value.ToArray());
        Assert.Equal("n", first[0].Fields[0].NameText);

        var rest = await connection.ReadGroupAsync(stream, Group, "replica-0", RedisStreamCommands.NewEntries, 10, cancellationToken: Ct);
        Assert.Equal(ids.Skip(3), rest.Select(e => e.Id));

        var summary = await connection.PendingSummaryAsync(stream, Group, Ct);
        Assert.Equal(5, summary.Count);
        Assert.Equal(ids[0], summary.LowestId);
        Assert.Equal(ids[4], summary.HighestId);
        Assert.Equal([new RedisPendingConsumer("replica-0", 5)], summary.Consumers);

        Assert.Equal(2, await connection.AcknowledgeAsync(stream, Group, [ids[0], ids[1]], Ct));
        Assert.Equal(0, await connection.AcknowledgeAsync(stream, Group, [ids[0]], Ct));

        var pending = await connection.PendingAsync(stream, Group, 10, cancellationToken: Ct);
        Assert.Equal(ids.Skip(2), pending.Select(p => p.Id));
        Assert.All(pending, p => Assert.Equal(("replica-0", 1L), (p.Consumer, p.DeliveryCount)));

        // After a restart the same consumer re-reads what it had not acknowledged, starting from id 0.
        await using var restarted = await redis.ConnectAsync();
        var again = await restarted.ReadGroupAsync(stream, Group, "replica-0", RedisStreamCommands.OwnPendingEntries, 10, cancellationToken: Ct);
        Assert.Equal(ids.Skip(2), again.Select(e => e.Id));
        Assert.Equal("4", again[^1]["n"] is { } n ? System.Text.Encoding.ASCII.GetString(n.Span) : null);
        var afterLast = await restarted.ReadGroupAsync(stream, Group, "replica-0", ids[4], 10, cancellationToken: Ct);
        Assert.Empty(afterLast);

        var emptySummary = await connection.PendingSummaryAsync("nothing:" + Guid.NewGuid(), Group, Ct).ContinueWith(t => t.Exception?.InnerException, Ct);
        Assert.Equal("NOGROUP", Assert.IsType<RedisServerException>(emptySummary).ErrorCode);
    }

    [Fact]
    public async Task Another_consumer_takes_over_pending_entries_with_claim_and_autoclaim()
    {
        await using var connection = await redis.ConnectAsync();
        var stream = "failover:" + Guid.NewGuid();
        await connection.CreateConsumerGroupAsync(stream, Group, "0", cancellationToken: Ct);
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await connection.StreamAddAsync(stream, [("i", i)], cancellationToken: Ct));
        }

        await connection.ReadGroupAsync(stream, Group, "dead-leader", RedisStreamCommands.NewEntries, 6, cancellationToken: Ct);
        await Task.Delay(400, Ct);

        var tooFresh = await connection.ClaimAsync(stream, Group, "new-leader", TimeSpan.FromMinutes(5), [ids[0]], Ct);
        Assert.Empty(tooFresh);

        var claimed = await connection.ClaimAsync(stream, Group, "new-leader", TimeSpan.FromMilliseconds(300), [ids[0], ids[1]], Ct);
        Assert.Equal(ids.Take(2), claimed.Select(e => e.Id));
        Assert.Equal("1", claimed[1].Fields[0].ValueText);

        // An entry deleted while pending is reported and dropped by XAUTOCLAIM.
        Assert.Equal(1, (await connection.ExecuteAsync(["XDEL", stream, ids[5]], Ct)).Integer);

        var auto = await connection.AutoClaimAsync(stream, Group, "new-leader", TimeSpan.FromMilliseconds(300), "0-0", 2, Ct);
        Assert.Equal([ids[2], ids[3]], auto.Entries.Select(e => e.Id));
        Assert.NotEqual("0-0", auto.NextStartId);
        var rest = await connection.AutoClaimAsync(stream, Group, "new-leader", TimeSpan.FromMilliseconds(300), auto.NextStartId, 10, Ct);
        Assert.Equal([ids[4]], rest.Entries.Select(e => e.Id));
        Assert.Equal([ids[5]], rest.DeletedIds);
        Assert.Equal("0-0", rest.NextStartId);

        var byConsumer = await connection.PendingAsync(stream, Group, 10, consumer: "new-leader", cancellationToken: Ct);
        Assert.Equal(ids.Take(5), byConsumer.Select(p => p.Id));
        Assert.All(byConsumer, p => Assert.Equal(2, p.DeliveryCount));
        Assert.Empty(await connection.PendingAsync(stream, Group, 10, consumer: "dead-leader", cancellationToken: Ct));
        var idle = await connection.PendingAsync(stream, Group, 10, minIdle: TimeSpan.FromMinutes(5), cancellationToken: Ct);
        Assert.Empty(idle);

        var mine = await connection.ReadGroupAsync(stream, Group, "new-leader", RedisStreamCommands.OwnPendingEntries, 10, cancellationToken: Ct);
        Assert.Equal(ids.Take(5), mine.Select(e => e.Id));
    }

    [Fact]
    public async Task A_pending_entry_deleted_meanwhile_is_reported_as_deleted_on_reread()
    {
        await using var connection = await redis.ConnectAsync();
        var stream = "deleted:" + Guid.NewGuid();
        await connection.CreateConsumerGroupAsync(stream, Group, "0", cancellationToken: Ct);
        var id = await connection.StreamAddAsync(stream, [("k", "v")], cancellationToken: Ct);
        await connection.ReadGroupAsync(stream, Group, "c", RedisStreamCommands.NewEntries, 1, cancellationToken: Ct);
        await connection.ExecuteAsync(["XDEL", stream, id], Ct);

        var reread = await connection.ReadGroupAsync(stream, Group, "c", RedisStreamCommands.OwnPendingEntries, 10, cancellationToken: Ct);
        var entry = Assert.Single(reread);
        Assert.Equal((id, true), (entry.Id, entry.IsDeleted));
        Assert.Empty(entry.Fields);
    }

    [Fact]
    public async Task Blocking_read_returns_empty_on_timeout_and_wakes_up_for_a_new_entry()
    {
        await using var reader = await redis.ConnectAsync();
        await using var writer = await redis.ConnectAsync();
        var stream = "block:" + Guid.NewGuid();
        await reader.CreateConsumerGroupAsync(stream, Group, cancellationToken: Ct);

        var nothing = await reader.ReadGroupAsync(stream, Group, "c", RedisStreamCommands.NewEntries, 10, TimeSpan.FromMilliseconds(100), Ct);
        Assert.Empty(nothing);

        var waiting = reader.ReadGroupAsync(stream, Group, "c", RedisStreamCommands.NewEntries, 10, TimeSpan.FromSeconds(10), Ct);
        await Task.Delay(100, Ct);
        var id = await writer.StreamAddAsync(stream, [("wake", "up")], cancellationToken: Ct);
        var woke = await waiting.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(id, Assert.Single(woke).Id);
    }

    [Fact]
    public async Task Reading_a_missing_group_is_nogroup()
    {
        await using var connection = await redis.ConnectAsync();
        var error = await Assert.ThrowsAsync<RedisServerException>(
            () => connection.ReadGroupAsync("missing:" + Guid.NewGuid(), Group, "c", RedisStreamCommands.NewEntries, 1, cancellationToken: Ct));
        Assert.Equal("NOGROUP", error.ErrorCode);
        Assert.Equal("XREADGROUP", error.Command);
    }
}
