using System.Text;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing.Fixtures;
using Xunit;
using static ArgoEvents.EventBus.Tests.JetStream.Integration.JetStreamTestKit;

namespace ArgoEvents.EventBus.Tests.JetStream.Integration;

public sealed class StreamManagementTests(NatsServerFixture server) : IClassFixture<NatsServerFixture>
{
    [Fact]
    public async Task Stream_create_info_update_purge_delete_round_trip()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = Unique("CRUD");
        var config = new StreamConfig(name, $"{name}.>") { MaxAge = TimeSpan.FromHours(1), DuplicateWindow = TimeSpan.FromSeconds(30), Storage = StorageType.Memory };

        var created = await js.CreateStreamAsync(config, TestContext.Current.CancellationToken);
        Assert.Equal(name, created.Config.Name);
        Assert.Equal(TimeSpan.FromHours(1), created.Config.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(30), created.Config.DuplicateWindow);
        Assert.Equal(StorageType.Memory, created.Config.Storage);

        // Creating again with the same configuration is idempotent; a different one is refused.
        await js.CreateStreamAsync(config, TestContext.Current.CancellationToken);
        var conflict = await Assert.ThrowsAsync<JetStreamApiException>(() => js.CreateStreamAsync(config with { MaxMsgs = 10 }, TestContext.Current.CancellationToken));
        Assert.Equal(JetStreamErrorCode.StreamNameInUse, conflict.ErrorCode);

        for (var i = 0; i < 5; i++)
        {
            await js.PublishAsync($"{name}.{i % 2}", Encoding.UTF8.GetBytes($"m{i}"), cancellationToken: TestContext.Current.CancellationToken);
        }

        var info = await js.GetStreamInfoAsync(name, $"{name}.>", TestContext.Current.CancellationToken);
        Assert.Equal(5UL, info.State.Messages);
        Assert.Equal(5UL, info.State.LastSequence);
        Assert.Equal(3UL, info.State.Subjects![$"{name}.0"]);

        var updated = await js.UpdateStreamAsync(config with { MaxMsgs = 100, Description = "updated" }, TestContext.Current.CancellationToken);
        Assert.Equal(100, updated.Config.MaxMsgs);
        Assert.Equal("updated", updated.Config.Description);

        Assert.Equal(3UL, await js.PurgeStreamAsync(name, new StreamPurgeOptions { Filter = $"{name}.0" }, TestContext.Current.CancellationToken));
        Assert.Equal(2UL, (await js.GetStreamInfoAsync(name, cancellationToken: TestContext.Current.CancellationToken)).State.Messages);
        Assert.Equal(2UL, await js.PurgeStreamAsync(name, cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(await js.DeleteStreamAsync(name, TestContext.Current.CancellationToken));
        var missing = await Assert.ThrowsAsync<JetStreamApiException>(() => js.GetStreamInfoAsync(name, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(JetStreamErrorCode.StreamNotFound, missing.ErrorCode);
        Assert.Equal(404, missing.Code);
    }

    [Fact]
    public async Task CreateOrUpdate_updates_an_existing_stream()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = Unique("UPSERT");
        await js.CreateOrUpdateStreamAsync(new StreamConfig(name, $"{name}.a"), TestContext.Current.CancellationToken);

        var info = await js.CreateOrUpdateStreamAsync(new StreamConfig(name, $"{name}.a", $"{name}.b"), TestContext.Current.CancellationToken);

        Assert.Equal([$"{name}.a", $"{name}.b"], info.Config.Subjects!);
    }

    [Fact]
    public async Task Names_and_list_page_through_more_streams_than_one_list_page()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;

        // STREAM.LIST pages hold 256 streams; make more so paging is exercised.
        var prefix = Unique("PAGE");
        var created = new List<string>();
        for (var i = 0; i < 260; i++)
        {
            var name = $"{prefix}_{i}";
            await js.CreateStreamAsync(new StreamConfig(name, $"{prefix}.{i}") { Storage = StorageType.Memory }, TestContext.Current.CancellationToken);
            created.Add(name);
        }

        try
        {
            var names = await js.GetStreamNamesAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync();
            var listed = await js.ListStreamsAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync();
            var filtered = await js.GetStreamNamesAsync($"{prefix}.7", TestContext.Current.CancellationToken).ToListAsync();

            Assert.Superset(created.ToHashSet(), names.ToHashSet());
            Assert.Superset(created.ToHashSet(), listed.Select(s => s.Config.Name).ToHashSet());
            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.Equal([$"{prefix}_7"], filtered);
        }
        finally
        {
            foreach (var name in created)
            {
                await js.DeleteStreamAsync(name, TestContext.Current.CancellationToken);
            }
        }
    }

    [Fact]
    public async Task Account_info_counts_streams()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = Unique("ACC");
        await js.CreateStreamAsync(new StreamConfig(name, $"{name}.>"), TestContext.Current.CancellationToken);

        var account = await js.GetAccountInfoAsync(TestContext.Current.CancellationToken);

        Assert.True(account.Streams >= 1);
        Assert.True(account.Api.Total > 0);
    }

    [Fact]
    public async Task Msg_get_and_direct_get_read_by_sequence_and_by_subject()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = Unique("GET");
        await js.CreateStreamAsync(new StreamConfig(name, $"{name}.>") { AllowDirect = true }, TestContext.Current.CancellationToken);
        var headers = new NatsHeaders().Add("X-Trace", "abc");
        await js.PublishAsync($"{name}.a", "first"u8.ToArray(), null, headers, TestContext.Current.CancellationToken);
        await js.PublishAsync($"{name}.b", "second"u8.ToArray(), cancellationToken: TestContext.Current.CancellationToken);
        await js.PublishAsync($"{name}.a", "third"u8.ToArray(), cancellationToken: TestContext.Current.CancellationToken);

        var bySequence = await js.GetMessageAsync(name, 1, TestContext.Current.CancellationToken);
        var lastA = await js.GetLastMessageAsync(name, $"{name}.a", TestContext.Current.CancellationToken);
        var directBySequence = await js.DirectGetMessageAsync(name, 2, TestContext.Current.CancellationToken);
        var directLastA = await js.DirectGetLastMessageAsync(name, $"{name}.a", TestContext.Current.CancellationToken);

        Assert.Equal("first", Encoding.UTF8.GetString(bySequence!.Data.Span));
        Assert.Equal("abc", bySequence.Headers!["X-Trace"]);
        Assert.Equal($"{name}.a", bySequence.Subject);
        Assert.True(bySequence.Time > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(3UL, lastA!.Sequence);
        Assert.Equal("third", Encoding.UTF8.GetString(lastA.Data.Span));
        Assert.Equal("second", Encoding.UTF8.GetString(directBySequence!.Data.Span));
        Assert.Equal($"{name}.b", directBySequence.Subject);
        Assert.Equal(3UL, directLastA!.Sequence);
        Assert.Equal(lastA.Time, directLastA.Time);

        Assert.Null(await js.GetMessageAsync(name, 99, TestContext.Current.CancellationToken));
        Assert.Null(await js.GetLastMessageAsync(name, $"{name}.none", TestContext.Current.CancellationToken));
        Assert.Null(await js.DirectGetLastMessageAsync(name, $"{name}.none", TestContext.Current.CancellationToken));

        Assert.True(await js.DeleteMessageAsync(name, 1, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Null(await js.GetMessageAsync(name, 1, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Features_of_newer_servers_are_refused_before_anything_is_sent()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;
        var name = Unique("NEWER");
        Assert.Equal(new Version(2, 9, 10), js.ServerVersion);

        var stream = await Assert.ThrowsAsync<JetStreamFeatureNotSupportedException>(() =>
            js.CreateStreamAsync(new StreamConfig(name, $"{name}.>") { Metadata = new Dictionary<string, string> { ["k"] = "v" } }, TestContext.Current.CancellationToken));
        var consumer = await Assert.ThrowsAsync<JetStreamFeatureNotSupportedException>(() =>
            js.CreateOrUpdateConsumerAsync(name, new ConsumerConfig("c") { FilterSubjects = ["a", "b"] }, cancellationToken: TestContext.Current.CancellationToken));
        var action = await Assert.ThrowsAsync<JetStreamFeatureNotSupportedException>(() =>
            js.CreateOrUpdateConsumerAsync(name, new ConsumerConfig("c"), ConsumerCreateAction.Create, TestContext.Current.CancellationToken));

        Assert.Equal(JetStreamFeature.StreamMetadata, stream.Feature);
        Assert.Equal(JetStreamFeature.MultipleFilterSubjects, consumer.Feature);
        Assert.Equal(JetStreamFeature.ConsumerCreateAction, action.Feature);
        var notCreated = await Assert.ThrowsAsync<JetStreamApiException>(() => js.GetStreamInfoAsync(name, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(JetStreamErrorCode.StreamNotFound, notCreated.ErrorCode);
    }

    [Fact]
    public async Task Invalid_stream_names_are_refused_naming_the_bad_character()
    {
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl);
        await using var _ = connection;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => js.GetStreamInfoAsync("bad.name", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("'.' at position 3", ex.Message, StringComparison.Ordinal);
    }
}
