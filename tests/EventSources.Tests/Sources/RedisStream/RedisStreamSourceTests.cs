using System.Text;
using System.Text.Json;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.RedisStream;
using ArgoEvents.EventSources.Tests.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Redis;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.RedisStream;

public sealed class RedisStreamSourceTests(NatsServerFixture bus) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const string Group = "argo-events-cg";
    private BusProbe _probe = null!;
    private RedisServerProcess _upstream = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BusProbe.ConnectAsync(bus.ClientUrl);
        await _probe.ResetAsync();
        _upstream = new RedisServerProcess(new RedisServerOptions { AppendOnly = true, Users = [new RedisAclUser("argo", "p4ss")] });
        await _upstream.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _upstream.DisposeAsync();
        await _probe.DisposeAsync();
    }

    [Fact]
    public async Task Argos_example_manifest_runs_with_its_address_moved_and_an_entry_becomes_argos_event_once_and_is_acknowledged()
    {
        var manifest = ArgoCorpus.Read("event-sources/redis-streams.yaml").Replace("redis.argo-events.svc:6379", _upstream.HostAddress, StringComparison.Ordinal);
        await using var host = await StartAsync(manifest);
        await using var client = await ConnectAsync();
        await WaitForGroupAsync(client, "FOO");

        var id = await client.StreamAddAsync("FOO", [("b", "<x>"), ("a", "1"), ("a", "2")]);
        var events = await _probe.WaitForAsync(1, "default.redis-stream.example");

        var cloudEvent = Assert.Single(events).Event;
        Assert.Equal(("redis-stream", "redisStream", "example"), (cloudEvent.Source, cloudEvent.Type, cloudEvent.Subject));
        Assert.Equal(EventIds.Derived("redis-stream", "example", $"FOO/{id}"), cloudEvent.Id);
        Assert.Equal($$$"""{"stream":"FOO","message_id":"{{{id}}}","values":{"a":"2","b":"\u003cx\u003e"}}""", Encoding.UTF8.GetString(cloudEvent.Data.Span));
        await WaitUntilNothingPendingAsync(client, "FOO");
    }

    [Fact]
    public async Task After_redis_restarts_the_source_resumes_and_nothing_is_lost_or_doubled()
    {
        await using var host = await StartAsync(Manifest("resume", """
                orders:
                  hostAddress: {ADDRESS}
                  username: argo
                  password:
                    name: redis-secret
                    key: password
                  db: 1
                  maxMsgCountPerRead: 7
                  streams: [orders, refunds]
                  metadata:
                    team: platform
            """), new Dictionary<string, string> { ["redis-secret/password"] = "p4ss" });
        var added = new List<string>();
        await using (var client = await ConnectAsync(database: 1))
        {
            await WaitForGroupAsync(client, "orders");
            await WaitForGroupAsync(client, "refunds");
            for (var i = 0; i < 40; i++)
            {
                added.Add("orders/" + await client.StreamAddAsync("orders", [("n", i)]));
                added.Add("refunds/" + await client.StreamAddAsync("refunds", [("n", i)]));
            }

            await _probe.WaitForAsync(80, "default.resume.orders");
        }

        await _upstream.StopAsync();
        await _upstream.StartAsync();

        // Added while the source is still reconnecting: the stream keeps them for the group.
        await using (var client = await ConnectAsync(database: 1))
        {
            for (var i = 40; i < 100; i++)
            {
                added.Add("orders/" + await client.StreamAddAsync("orders", [("n", i)]));
            }

            await _probe.WaitForAsync(140, "default.resume.orders", TimeSpan.FromSeconds(30));
            await Task.Delay(500);
            var events = await _probe.ReadAllAsync("default.resume.orders");

            var read = events.Select(e => KeyOf(e.Event)).ToList();
            Assert.Equal(added.Order(), read.Order());
            Assert.All(events, e => Assert.Contains("\"metadata\":{\"team\":\"platform\"}", Encoding.UTF8.GetString(e.Event.Data.Span), StringComparison.Ordinal));
            await WaitUntilNothingPendingAsync(client, "orders");
            await WaitUntilNothingPendingAsync(client, "refunds");
        }
    }

    [Fact]
    public async Task Entries_left_pending_by_a_crashed_leader_and_by_a_dead_consumer_are_published_once()
    {
        var added = new List<string>();
        await using (var client = await ConnectAsync())
        {
            await client.CreateConsumerGroupAsync("jobs", Group);
            for (var i = 0; i < 8; i++)
            {
                added.Add(await client.StreamAddAsync("jobs", [("job", i)]));
            }

            // The old leader read three under Argo's consumer name; another consumer read five and died.
            Assert.Equal(3, (await client.ReadGroupAsync("jobs", Group, RedisStreamSourceOptions.DefaultConsumer, RedisStreamCommands.NewEntries, 3)).Count);
            Assert.Equal(5, (await client.ReadGroupAsync("jobs", Group, "dead-worker", RedisStreamCommands.NewEntries, 5)).Count);
        }

        await Task.Delay(400);
        await using var host = await StartAsync(
            Manifest("takeover", """
                    jobs:
                      hostAddress: {ADDRESS}
                      streams: [jobs]
                """),
            settings: new Dictionary<string, string> { [RedisStreamSourceFactory.ClaimMinIdleKey] = "300ms" });

        await _probe.WaitForAsync(8, "default.takeover.jobs");
        await Task.Delay(1000);
        var events = await _probe.ReadAllAsync("default.takeover.jobs");

        Assert.Equal(added.Select(id => $"jobs/{id}").Order(), events.Select(e => KeyOf(e.Event)).Order());
        await using var check = await ConnectAsync();
        await WaitUntilNothingPendingAsync(check, "jobs");
    }

    [Fact]
    public async Task An_entry_whose_publication_failed_stays_pending_and_is_published_later_once()
    {
        FailingDispatcher? failing = null;
        await using var context = await TestSourceContext.StartAsync(
            "retry", bus.ClientUrl, EventSourceTypes.RedisStream, ["in"],
            wrapDispatcher: inner => failing = new FailingDispatcher(inner, failures: 2));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [RedisStreamSourceFactory.ClaimMinIdleKey] = "500ms" }).Build();
        var spec = new RedisStreamEventSource { HostAddress = _upstream.HostAddress, Streams = ["in"] };
        var source = new RedisStreamSourceFactory().Create(new NamedEventSource("in", spec), context.Context with { Configuration = configuration }).Active!;
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(stop.Token);
        await using var client = await ConnectAsync();
        await WaitForGroupAsync(client, "in");

        var added = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            added.Add(await client.StreamAddAsync("in", [("i", i)]));
        }

        var events = await _probe.WaitForAsync(5, "default.retry.in", TimeSpan.FromSeconds(15));
        await Task.Delay(1500);
        events = await _probe.ReadAllAsync("default.retry.in");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(added.Select(id => $"in/{id}").Order(), events.Select(e => KeyOf(e.Event)).Order());
        Assert.Equal(7, failing!.Calls);
        await WaitUntilNothingPendingAsync(client, "in");
    }

    [Fact]
    public async Task A_wrong_password_fails_clearly_naming_the_server_and_user()
    {
        await using var context = await TestSourceContext.StartAsync("wrong", bus.ClientUrl, EventSourceTypes.RedisStream, ["in"], secrets: new Dictionary<string, string> { ["redis-secret/password"] = "wrong" });
        var spec = new RedisStreamEventSource
        {
            HostAddress = _upstream.HostAddress,
            Username = "argo",
            Password = new SecretKeySelector { Name = "redis-secret", Key = "password" },
            Streams = ["a", "b"],
        };
        var source = new RedisStreamSourceFactory().Create(new NamedEventSource("in", spec), context.Context).Active!;

        var error = await Assert.ThrowsAsync<RedisAuthenticationException>(() => source.RunAsync(TestContext.Current.CancellationToken));

        Assert.Contains(_upstream.HostAddress, error.Message, StringComparison.Ordinal);
        Assert.Contains("'argo'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-streams", "spec.redisStream.x.streams")]
    [InlineData("twice", "spec.redisStream.x.streams[1]")]
    [InlineData("no-address", "spec.redisStream.x.hostAddress")]
    [InlineData("user-without-password", "spec.redisStream.x.username")]
    [InlineData("negative-count", "spec.redisStream.x.maxMsgCountPerRead")]
    [InlineData("missing-ca", "spec.redisStream.x.tls.caCertSecret")]
    public async Task What_cannot_run_is_refused_at_start_naming_the_field(string what, string field)
    {
        await using var context = await TestSourceContext.StartAsync("refused", bus.ClientUrl, EventSourceTypes.RedisStream, ["x"]);
        var spec = new RedisStreamEventSource { HostAddress = _upstream.HostAddress, Streams = ["in"] };
        spec = what switch
        {
            "no-streams" => spec with { Streams = [] },
            "twice" => spec with { Streams = ["in", "in"] },
            "no-address" => spec with { HostAddress = " " },
            "user-without-password" => spec with { Username = "argo" },
            "negative-count" => spec with { MaxMsgCountPerRead = -1 },
            _ => spec with { Tls = new TlsConfig { CaCertSecret = new SecretKeySelector { Name = "s", Key = "ca" } } },
        };

        var error = Assert.Throws<InvalidOperationException>(() => new RedisStreamSourceFactory().Create(new NamedEventSource("x", spec), context.Context));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    private static string KeyOf(CloudEvent cloudEvent)
    {
        using var data = JsonDocument.Parse(cloudEvent.Data);
        return $"{data.RootElement.GetProperty("stream").GetString()}/{data.RootElement.GetProperty("message_id").GetString()}";
    }

    private static async Task WaitForGroupAsync(RedisConnection client, string stream)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                var groups = await client.ExecuteAsync(["XINFO", "GROUPS", stream]);
                if (groups.Count > 0)
                {
                    return;
                }
            }
            catch (RedisServerException)
            {
                // The stream does not exist yet.
            }

            Assert.True(DateTime.UtcNow < deadline, $"the source did not create the group on '{stream}'");
            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilNothingPendingAsync(RedisConnection client, string stream)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long pending;
        while ((pending = (await client.PendingSummaryAsync(stream, Group)).Count) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, pending);
    }

    private static SourceRegistry Sources()
    {
        var registry = EventSourceService.DefaultSources();
        return registry.Types.Contains(EventSourceTypes.RedisStream) ? registry : registry.Add(new RedisStreamSourceFactory());
    }

    private Task<RedisConnection> ConnectAsync(int database = 0) => RedisConnection.ConnectAsync(new RedisOptions { Port = _upstream.Port, Database = database });

    private Task<EventSourceTestHost> StartAsync(string manifest, IReadOnlyDictionary<string, string>? secrets = null, IReadOnlyDictionary<string, string>? settings = null)
        => EventSourceTestHost.StartAsync(manifest, bus.ClientUrl, secrets: secrets, settings: settings, sources: Sources());

    private string Manifest(string name, string events) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: {name}
        spec:
          redisStream:
        {events.Replace("{ADDRESS}", _upstream.HostAddress, StringComparison.Ordinal)}
        """;
}
