using System.Diagnostics;
using System.Text;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing.Fixtures;
using Xunit;
using static ArgoEvents.EventBus.Tests.JetStream.Integration.JetStreamTestKit;

namespace ArgoEvents.EventBus.Tests.KeyValue.Integration;

public sealed class KeyValueStoreTests(NatsServerFixture server) : IClassFixture<NatsServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bucket_is_a_stream_with_the_ADR_8_settings_and_can_be_opened_and_deleted()
    {
        var (connection, kv) = await ConnectAsync();
        await using var _ = connection;
        var bucket = Unique("cfg");

        await kv.CreateStoreAsync(new KeyValueConfig(bucket) { History = 5, Ttl = TimeSpan.FromMinutes(1), MaxBytes = 1 << 20 }, Ct);
        var stream = await kv.JetStream.GetStreamInfoAsync($"KV_{bucket}", cancellationToken: Ct);
        var opened = await kv.GetStoreAsync(bucket, Ct);
        var names = await kv.GetBucketNamesAsync(Ct).ToListAsync();

        Assert.Equal([$"$KV.{bucket}.>"], stream.Config.Subjects!);
        Assert.Equal(5, stream.Config.MaxMsgsPerSubject);
        Assert.Equal(TimeSpan.FromMinutes(1), stream.Config.MaxAge);
        Assert.Equal(TimeSpan.FromMinutes(1), stream.Config.DuplicateWindow);
        Assert.Equal(1 << 20, stream.Config.MaxBytes);
        Assert.True(stream.Config.AllowRollupHeaders);
        Assert.True(stream.Config.DenyDelete);
        Assert.True(stream.Config.AllowDirect);
        Assert.Equal(DiscardPolicy.New, stream.Config.Discard);
        Assert.Equal(bucket, opened.Bucket);
        Assert.Contains(bucket, names);

        Assert.True(await kv.DeleteStoreAsync(bucket, Ct));
        var ex = await Assert.ThrowsAsync<KeyValueBucketNotFoundException>(() => kv.GetStoreAsync(bucket, Ct));
        Assert.Equal(bucket, ex.Bucket);
    }

    [Fact]
    public async Task Put_and_get_return_value_revision_and_time()
    {
        var (connection, store) = await CreateStoreAsync();
        await using var _ = connection;

        var first = await store.PutAsync("a.b", "v1"u8.ToArray(), Ct);
        var second = await store.PutAsync("a.b", "v2"u8.ToArray(), Ct);
        var entry = await store.GetAsync("a.b", Ct);

        Assert.Equal(first + 1, second);
        Assert.Equal("v2", Text(entry!));
        Assert.Equal(second, entry!.Revision);
        Assert.Equal("a.b", entry.Key);
        Assert.Equal(KeyValueOperation.Put, entry.Operation);
        Assert.True(entry.Created > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Null(await store.GetAsync("missing", Ct));
    }

    [Fact]
    public async Task Update_with_a_stale_revision_throws_a_conflict_carrying_the_current_revision()
    {
        var (connection, store) = await CreateStoreAsync();
        await using var _ = connection;
        var r1 = await store.PutAsync("k", "1"u8.ToArray(), Ct);
        var r2 = await store.UpdateAsync("k", "2"u8.ToArray(), r1, Ct);

        var ex = await Assert.ThrowsAsync<KeyValueRevisionConflictException>(() => store.UpdateAsync("k", "3"u8.ToArray(), r1, Ct));

        Assert.Equal(r1, ex.ExpectedRevision);
        Assert.Equal(r2, ex.CurrentRevision);
        Assert.Equal("k", ex.Key);
        Assert.Equal("2", Text((await store.GetAsync("k", Ct))!));
    }

    [Fact]
    public async Task Create_refuses_an_existing_value_but_succeeds_over_delete_and_purge_markers()
    {
        var (connection, store) = await CreateStoreAsync();
        await using var _ = connection;

        var created = await store.CreateAsync("lease", "a"u8.ToArray(), Ct);
        var taken = await Assert.ThrowsAsync<KeyValueRevisionConflictException>(() => store.CreateAsync("lease", "b"u8.ToArray(), Ct));
        var deleted = await store.DeleteAsync("lease", created, Ct);
        Assert.Null(await store.GetAsync("lease", Ct));
        var overDelete = await store.CreateAsync("lease", "c"u8.ToArray(), Ct);
        var purged = await store.PurgeAsync("lease", cancellationToken: Ct);
        var overPurge = await store.CreateAsync("lease", "d"u8.ToArray(), Ct);

        Assert.Equal(0UL, taken.ExpectedRevision);
        Assert.Equal(created, taken.CurrentRevision);
        Assert.True(overDelete > deleted);
        Assert.True(overPurge > purged);
        Assert.Equal("d", Text((await store.GetAsync("lease", Ct))!));
    }

    [Fact]
    public async Task Delete_with_an_expected_revision_is_refused_when_the_key_moved_on()
    {
        var (connection, store) = await CreateStoreAsync();
        await using var _ = connection;
        var r1 = await store.PutAsync("k", "1"u8.ToArray(), Ct);
        var r2 = await store.PutAsync("k", "2"u8.ToArray(), Ct);

        var ex = await Assert.ThrowsAsync<KeyValueRevisionConflictException>(() => store.DeleteAsync("k", r1, Ct));

        Assert.Equal(r2, ex.CurrentRevision);
        Assert.NotNull(await store.GetAsync("k", Ct));
    }

    [Fact]
    public async Task Purge_removes_history_but_keeps_the_marker()
    {
        var (connection, store) = await CreateStoreAsync(history: 10);
        await using var _ = connection;
        for (var i = 0; i < 4; i++)
        {
            await store.PutAsync("k", Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Ct);
        }

        await store.PurgeAsync("k", cancellationToken: Ct);
        var info = await store.GetStreamInfoAsync(Ct);

        Assert.Equal(1UL, info.State.Messages);
        Assert.Null(await store.GetAsync("k", Ct));
    }

    [Fact]
    public async Task Keys_lists_only_keys_with_a_value_and_honours_the_filter()
    {
        var (connection, store) = await CreateStoreAsync();
        await using var _ = connection;
        await store.PutAsync("sensor.a", "1"u8.ToArray(), Ct);
        await store.PutAsync("sensor.b", "1"u8.ToArray(), Ct);
        await store.PutAsync("sensor.b", "2"u8.ToArray(), Ct);
        await store.PutAsync("other.c", "1"u8.ToArray(), Ct);
        await store.PutAsync("sensor.gone", "1"u8.ToArray(), Ct);
        await store.DeleteAsync("sensor.gone", cancellationToken: Ct);

        var all = await store.GetKeysAsync(cancellationToken: Ct).ToListAsync();
        var sensors = await store.GetKeysAsync("sensor.*", Ct).ToListAsync();
        var (emptyConnection, empty) = await CreateStoreAsync();
        await using var __ = emptyConnection;
        var none = await empty.GetKeysAsync(cancellationToken: Ct).ToListAsync();

        Assert.Equal(["sensor.a", "sensor.b", "other.c"], all.OrderBy(k => k == "other.c").ThenBy(k => k));
        Assert.Equal(["sensor.a", "sensor.b"], sensors.Order());
        Assert.Empty(none);
    }

    [Fact]
    public async Task Watch_delivers_current_values_then_signals_initial_done_then_updates_within_50_ms()
    {
        using var timeout = Infrastructure.TestTimeout.After(30);
        var (connection, store) = await CreateStoreAsync();
        await using var _ = connection;
        await store.PutAsync("a", "1"u8.ToArray(), timeout.Token);
        await store.PutAsync("b", "1"u8.ToArray(), timeout.Token);
        await store.PutAsync("a", "2"u8.ToArray(), timeout.Token);

        await using var watcher = await store.WatchAsync(cancellationToken: timeout.Token);
        var initial = new List<KeyValueEntry> { (await watcher.NextAsync(timeout.Token))! };
        Assert.False(watcher.InitialValuesDone.IsCompleted);
        initial.Add((await watcher.NextAsync(timeout.Token))!);
        await watcher.InitialValuesDone.WaitAsync(timeout.Token);

        var clock = Stopwatch.StartNew();
        var put = store.PutAsync("c", "new"u8.ToArray(), timeout.Token);
        var update = await watcher.NextAsync(timeout.Token);
        var seenAfter = clock.Elapsed;
        await put;
        await store.DeleteAsync("b", cancellationToken: timeout.Token);
        var delete = await watcher.NextAsync(timeout.Token);

        Assert.Equal([("b", "1"), ("a", "2")], initial.Select(e => (e.Key, Text(e))));
        Assert.Equal(0UL, initial[1].Delta);
        Assert.Equal(("c", "new"), (update!.Key, Text(update)));
        Assert.True(seenAfter < TimeSpan.FromMilliseconds(50), $"the watcher saw the put after {seenAfter.TotalMilliseconds:0.0} ms");
        Assert.Equal(("b", KeyValueOperation.Delete), (delete!.Key, delete.Operation));
    }

    [Fact]
    public async Task Watch_of_an_empty_bucket_is_initially_done_at_once_and_updates_only_skips_current_values()
    {
        using var timeout = Infrastructure.TestTimeout.After(30);
        var (connection, store) = await CreateStoreAsync();
        await using var _ = connection;
        await using var emptyWatch = await store.WatchAsync(cancellationToken: timeout.Token);
        Assert.True(emptyWatch.InitialValuesDone.IsCompleted);

        await store.PutAsync("old", "1"u8.ToArray(), timeout.Token);
        await using var updates = await store.WatchAsync(">", new KeyValueWatchOptions { UpdatesOnly = true, IgnoreDeletes = true }, timeout.Token);
        await store.PutAsync("gone", "1"u8.ToArray(), timeout.Token);
        await store.DeleteAsync("gone", cancellationToken: timeout.Token);
        await store.PutAsync("new", "1"u8.ToArray(), timeout.Token);

        Assert.True(updates.InitialValuesDone.IsCompleted);
        Assert.Equal("gone", (await updates.NextAsync(timeout.Token))!.Key);
        var next = (await updates.NextAsync(timeout.Token))!;
        Assert.Equal(("new", KeyValueOperation.Put), (next.Key, next.Operation));
        Assert.Equal("old", (await emptyWatch.NextAsync(timeout.Token))!.Key);
    }

    [Fact]
    public async Task Watch_with_history_replays_every_revision_of_the_watched_key()
    {
        using var timeout = Infrastructure.TestTimeout.After(30);
        var (connection, store) = await CreateStoreAsync(history: 5);
        await using var _ = connection;
        await store.PutAsync("k", "1"u8.ToArray(), timeout.Token);
        await store.PutAsync("other", "x"u8.ToArray(), timeout.Token);
        await store.PutAsync("k", "2"u8.ToArray(), timeout.Token);
        await store.DeleteAsync("k", cancellationToken: timeout.Token);

        await using var watcher = await store.WatchAsync("k", new KeyValueWatchOptions { IncludeHistory = true }, timeout.Token);
        var entries = new List<KeyValueEntry>();
        while (!watcher.InitialValuesDone.IsCompleted)
        {
            entries.Add((await watcher.NextAsync(timeout.Token))!);
        }

        Assert.Equal([KeyValueOperation.Put, KeyValueOperation.Put, KeyValueOperation.Delete], entries.Select(e => e.Operation));
        Assert.Equal(["1", "2", ""], entries.Select(Text));
        Assert.Equal([2UL, 1UL, 0UL], entries.Select(e => e.Delta));
    }

    [Fact]
    public async Task Entries_expire_after_the_bucket_ttl()
    {
        var (connection, store) = await CreateStoreAsync(ttl: TimeSpan.FromSeconds(1));
        await using var _ = connection;
        await store.PutAsync("short", "lived"u8.ToArray(), Ct);
        Assert.NotNull(await store.GetAsync("short", Ct));

        using var timeout = Infrastructure.TestTimeout.After(10);
        await EventuallyAsync(async () => await store.GetAsync("short", timeout.Token) is null, timeout.Token);

        // Expiry leaves no marker in 2.9, so create succeeds with "no previous value".
        Assert.Equal(2UL, await store.CreateAsync("short", "again"u8.ToArray(), Ct));
    }

    [Fact]
    public async Task Bad_keys_and_bucket_names_are_refused_before_any_request()
    {
        var (connection, store) = await CreateStoreAsync();
        await using var _ = connection;

        var key = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("bad key", "x"u8.ToArray(), Ct));
        var wildcard = await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync("a.*", Ct));
        var bucket = await Assert.ThrowsAsync<ArgumentException>(() => new KeyValueContext(new JetStreamContext(connection)).GetStoreAsync("bad.bucket", Ct));

        Assert.Contains("' ' at position 3", key.Message, StringComparison.Ordinal);
        Assert.Contains("'*' at position 2", wildcard.Message, StringComparison.Ordinal);
        Assert.Contains("'.' at position 3", bucket.Message, StringComparison.Ordinal);
    }

    private static string Text(KeyValueEntry entry) => Encoding.UTF8.GetString(entry.Value.Span);

    private async Task<(NatsConnection Connection, KeyValueContext Kv)> ConnectAsync()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        return (connection, new KeyValueContext(js));
    }

    private async Task<(NatsConnection Connection, KeyValueStore Store)> CreateStoreAsync(int history = 1, TimeSpan ttl = default)
    {
        var (connection, kv) = await ConnectAsync();
        var store = await kv.CreateStoreAsync(new KeyValueConfig(Unique("b")) { History = history, Ttl = ttl }, Ct);
        return (connection, store);
    }
}
