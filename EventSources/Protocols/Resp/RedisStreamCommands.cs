using System.Globalization;

namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>
/// The stream commands a consumer-group reader needs (XGROUP CREATE, XREADGROUP, XACK, XPENDING, XCLAIM, XAUTOCLAIM)
/// and XADD, with typed results. Ids are passed and returned as Redis writes them ("1700000000000-0").
/// </summary>
public static class RedisStreamCommands
{
    /// <summary>XREADGROUP id for entries never delivered to any consumer of the group.</summary>
    public const string NewEntries = ">";

    /// <summary>XREADGROUP id for this consumer's own pending entries (delivered, not acknowledged), from the start.</summary>
    public const string OwnPendingEntries = "0";

    /// <summary>
    /// XGROUP CREATE stream group startId [MKSTREAM]. Returns true when the group was created and false when it
    /// already existed (BUSYGROUP), so every replica can call it at start-up.
    /// </summary>
    public static async Task<bool> CreateConsumerGroupAsync(
        this RedisConnection connection,
        string stream,
        string group,
        string startId = "$",
        bool createStream = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentException.ThrowIfNullOrEmpty(startId);
        try
        {
            var reply = createStream
                ? connection.ExecuteAsync(["XGROUP", "CREATE", stream, group, startId, "MKSTREAM"], cancellationToken)
                : connection.ExecuteAsync(["XGROUP", "CREATE", stream, group, startId], cancellationToken);
            await reply.ConfigureAwait(false);
            return true;
        }
        catch (RedisServerException e) when (e.ErrorCode == "BUSYGROUP")
        {
            return false;
        }
    }

    /// <summary>XADD stream id field value [field value ...]; returns the id of the new entry.</summary>
    public static Task<string> StreamAddAsync(
        this RedisConnection connection,
        string stream,
        IReadOnlyList<(RedisArgument Name, RedisArgument Value)> fields,
        string id = "*",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (fields.Count == 0)
        {
            throw new ArgumentException($"XADD to '{stream}' needs at least one field.", nameof(fields));
        }

        var command = new RedisArgument[3 + (2 * fields.Count)];
        command[0] = "XADD";
        command[1] = stream;
        command[2] = id;
        for (var i = 0; i < fields.Count; i++)
        {
            command[3 + (2 * i)] = fields[i].Name;
            command[4 + (2 * i)] = fields[i].Value;
        }

        return TextOf(connection.ExecuteAsync(command, cancellationToken));
    }

    /// <summary>
    /// XREADGROUP GROUP group consumer COUNT count [BLOCK ms] STREAMS stream id. With <see cref="NewEntries"/> it
    /// delivers entries nobody in the group has seen (they become pending for <paramref name="consumer"/>); with
    /// <see cref="OwnPendingEntries"/> (or an id) it re-reads this consumer's pending entries after that id, without
    /// blocking. Returns an empty list when <paramref name="block"/> passed without entries. While a blocking read is
    /// in flight, later commands on the same connection wait behind it: give blocking reads their own connection.
    /// Throws <see cref="RedisServerException"/> with code NOGROUP when the group or stream does not exist.
    /// </summary>
    public static async Task<IReadOnlyList<RedisStreamEntry>> ReadGroupAsync(
        this RedisConnection connection,
        string stream,
        string group,
        string consumer,
        string id,
        int count,
        TimeSpan? block = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (block is { } wait && wait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(block), block, "XREADGROUP BLOCK must not be negative.");
        }

        var reply = block is { } blockFor
            ? await connection.ExecuteAsync(
                ["XREADGROUP", "GROUP", group, consumer, "COUNT", count, "BLOCK", (long)blockFor.TotalMilliseconds, "STREAMS", stream, id],
                cancellationToken).ConfigureAwait(false)
            : await connection.ExecuteAsync(
                ["XREADGROUP", "GROUP", group, consumer, "COUNT", count, "STREAMS", stream, id],
                cancellationToken).ConfigureAwait(false);
        if (reply.IsNull || reply.Count == 0)
        {
            return [];
        }

        // One stream was asked for, so the reply is [[stream, entries]].
        return EntriesOf(reply[0][1]);
    }

    /// <summary>XACK stream group id...; returns how many of the ids were pending and are now acknowledged.</summary>
    public static Task<long> AcknowledgeAsync(
        this RedisConnection connection,
        string stream,
        string group,
        IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentNullException.ThrowIfNull(ids);
        var command = WithIds(["XACK", stream, group], ids, nameof(ids));
        return IntegerOf(connection.ExecuteAsync(command, cancellationToken));
    }

    /// <summary>XPENDING stream group: the group's pending count, id range and per-consumer counts.</summary>
    public static async Task<RedisPendingSummary> PendingSummaryAsync(
        this RedisConnection connection,
        string stream,
        string group,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentException.ThrowIfNullOrEmpty(group);
        var reply = await connection.ExecuteAsync(["XPENDING", stream, group], cancellationToken).ConfigureAwait(false);
        var consumers = new List<RedisPendingConsumer>();
        var perConsumer = reply[3];
        if (!perConsumer.IsNull)
        {
            foreach (var consumer in perConsumer.Items)
            {
                consumers.Add(new RedisPendingConsumer(consumer[0].AsString()!, long.Parse(consumer[1].AsString()!, CultureInfo.InvariantCulture)));
            }
        }

        return new RedisPendingSummary(reply[0].Integer, reply[1].AsString(), reply[2].AsString(), consumers);
    }

    /// <summary>
    /// XPENDING stream group [IDLE ms] start end count [consumer]: up to <paramref name="count"/> pending entries
    /// between <paramref name="start"/> and <paramref name="end"/>, optionally only those idle for at least
    /// <paramref name="minIdle"/> or held by <paramref name="consumer"/>.
    /// </summary>
    public static async Task<IReadOnlyList<RedisPendingEntry>> PendingAsync(
        this RedisConnection connection,
        string stream,
        string group,
        int count,
        string? consumer = null,
        TimeSpan? minIdle = null,
        string start = "-",
        string end = "+",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentException.ThrowIfNullOrEmpty(start);
        ArgumentException.ThrowIfNullOrEmpty(end);
        var command = new List<RedisArgument> { "XPENDING", stream, group };
        if (minIdle is { } idle)
        {
            command.Add("IDLE");
            command.Add((long)idle.TotalMilliseconds);
        }

        command.Add(start);
        command.Add(end);
        command.Add(count);
        if (consumer is not null)
        {
            command.Add(consumer);
        }

        var reply = await connection.ExecuteAsync(command.ToArray(), cancellationToken).ConfigureAwait(false);
        var entries = new List<RedisPendingEntry>(reply.Count);
        foreach (var item in reply.Items)
        {
            entries.Add(new RedisPendingEntry(
                item[0].AsString()!,
                item[1].AsString()!,
                TimeSpan.FromMilliseconds(item[2].Integer),
                item[3].Integer));
        }

        return entries;
    }

    /// <summary>
    /// XCLAIM stream group consumer min-idle id...: moves the named pending entries that have been idle for at least
    /// <paramref name="minIdle"/> to <paramref name="consumer"/> and returns them (with their fields). Entries another
    /// consumer read more recently, or that no longer exist, are left out.
    /// </summary>
    public static async Task<IReadOnlyList<RedisStreamEntry>> ClaimAsync(
        this RedisConnection connection,
        string stream,
        string group,
        string consumer,
        TimeSpan minIdle,
        IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        ArgumentNullException.ThrowIfNull(ids);
        var command = WithIds(["XCLAIM", stream, group, consumer, (long)minIdle.TotalMilliseconds], ids, nameof(ids));
        var reply = await connection.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        return EntriesOf(reply);
    }

    /// <summary>
    /// XAUTOCLAIM stream group consumer min-idle start COUNT count: scans the pending list from
    /// <paramref name="start"/> and moves up to <paramref name="count"/> entries idle for at least
    /// <paramref name="minIdle"/> to <paramref name="consumer"/>, the way a new leader takes over what a dead one held.
    /// </summary>
    public static async Task<RedisAutoClaimResult> AutoClaimAsync(
        this RedisConnection connection,
        string stream,
        string group,
        string consumer,
        TimeSpan minIdle,
        string start = "0-0",
        int count = 100,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        ArgumentException.ThrowIfNullOrEmpty(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var reply = await connection.ExecuteAsync(
            ["XAUTOCLAIM", stream, group, consumer, (long)minIdle.TotalMilliseconds, start, "COUNT", count],
            cancellationToken).ConfigureAwait(false);
        var deleted = new List<string>();
        if (reply.Count > 2)
        {
            foreach (var id in reply[2].Items)
            {
                deleted.Add(id.AsString()!);
            }
        }

        return new RedisAutoClaimResult(reply[0].AsString()!, EntriesOf(reply[1]), deleted);
    }

    private static RedisArgument[] WithIds(ReadOnlySpan<RedisArgument> head, IReadOnlyCollection<string> ids, string parameter)
    {
        if (ids.Count == 0)
        {
            throw new ArgumentException($"{head[0]} needs at least one entry id.", parameter);
        }

        var command = new RedisArgument[head.Length + ids.Count];
        head.CopyTo(command);
        var i = head.Length;
        foreach (var id in ids)
        {
            ArgumentException.ThrowIfNullOrEmpty(id, parameter);
            command[i++] = id;
        }

        return command;
    }

    private static List<RedisStreamEntry> EntriesOf(RedisReply entries)
    {
        var result = new List<RedisStreamEntry>(entries.Count);
        foreach (var entry in entries.Items)
        {
            // XREADGROUP on pending ids reports an entry deleted meanwhile as [id, nil].
            var fieldsReply = entry[1];
            if (fieldsReply.IsNull)
            {
                result.Add(new RedisStreamEntry(entry[0].AsString()!, [], IsDeleted: true));
                continue;
            }

            var fields = new RedisStreamField[fieldsReply.Count / 2];
            var items = fieldsReply.Items;
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = new RedisStreamField(items[2 * i].Bytes, items[(2 * i) + 1].Bytes);
            }

            result.Add(new RedisStreamEntry(entry[0].AsString()!, fields, IsDeleted: false));
        }

        return result;
    }

    private static async Task<string> TextOf(Task<RedisReply> reply) =>
        (await reply.ConfigureAwait(false)).AsString() ?? throw new RedisProtocolException("Redis answered with a null string where an id was expected.");

    private static async Task<long> IntegerOf(Task<RedisReply> reply) => (await reply.ConfigureAwait(false)).Integer;
}
