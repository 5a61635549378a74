using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Redis;
using ArgoEvents.EventSources.Tests.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Redis;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Redis;

public sealed class RedisSourceTests(NatsServerFixture bus) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private BusProbe _probe = null!;
    private RedisServerProcess _upstream = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BusProbe.ConnectAsync(bus.ClientUrl);
        await _probe.ResetAsync();
        _upstream = new RedisServerProcess(new RedisServerOptions { Password = "s3cret", Tls = true });
        await _upstream.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _upstream.DisposeAsync();
        await _probe.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Argos_example_manifest_runs_with_its_address_moved_and_a_message_becomes_argos_event()
    {
        using var open = new RedisServerProcess();
        await open.StartAsync();
        var manifest = ArgoCorpus.Read("event-sources/redis.yaml").Replace("redis.argo-events.svc:6379", open.HostAddress, StringComparison.Ordinal);
        await using var host = await StartAsync(manifest);
        await using var client = await RedisConnection.ConnectAsync(new RedisOptions { Port = open.Port });

        var events = await PublishUntilStoredAsync(client, "FOO", "hello <redis>", "default.redis.example");

        var cloudEvent = events[0].Event;
        Assert.Equal(("redis", "redis", "example"), (cloudEvent.Source, cloudEvent.Type, cloudEvent.Subject));
        Assert.Matches("^[0-9a-f]{32}$", cloudEvent.Id);
        Assert.Equal("""{"channel":"FOO","pattern":"","body":"hello \u003credis\u003e"}""", Encoding.UTF8.GetString(cloudEvent.Data.Span));
    }

    [Fact]
    public async Task A_json_body_that_is_not_json_is_dropped_and_counted_and_valid_json_is_embedded_with_metadata()
    {
        await using var host = await StartAsync(Manifest("json", """
                orders:
                  hostAddress: {ADDRESS}
                  namespace: argo-events
                  password:
                    name: redis-secret
                    key: password
                  db: 2
                  channels:
                    - orders
                    - orders.*
                  jsonBody: true
                  metadata:
                    team: platform
            """), Secret("s3cret\n"));
        await using var client = await ConnectAsync();
        var skip = (await PublishUntilStoredAsync(client, "orders", "{}", "default.json.orders")).Count;

        await client.ExecuteAsync(["PUBLISH", "orders", "not json"]);
        await client.ExecuteAsync(["PUBLISH", "orders.new", """{"literal":"glob"}"""]);
        await client.ExecuteAsync(["PUBLISH", "orders", """{"id": [1, 2], "note": "a<b"}"""]);
        await _probe.WaitForAsync(skip + 1, "default.json.orders");
        await Task.Delay(300);
        var events = (await _probe.ReadAllAsync("default.json.orders")).Skip(skip).ToList();

        // Argo subscribes with SUBSCRIBE: "orders.*" is a channel name, not a pattern, so "orders.new" is not received.
        var data = Encoding.UTF8.GetString(Assert.Single(events).Event.Data.Span);
        Assert.Equal("""{"channel":"orders","pattern":"","body":{"id":[1,2],"note":"a\u003cb"},"metadata":{"team":"platform"}}""", data);
        var metrics = await _http.GetStringAsync($"{host.ServiceUrl}/metrics");
        Assert.Contains(
            metrics.Split('\n'),
            line => line.StartsWith("argo_events_events_processing_failed_total{", StringComparison.Ordinal) && line.Contains("event_name=\"orders\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_fails_clearly_naming_the_server()
    {
        await using var context = await TestSourceContext.StartAsync("wrong", bus.ClientUrl, EventSourceTypes.Redis, ["in"], secrets: new Dictionary<string, string> { ["redis-secret/password"] = "wrong" });
        var spec = new RedisEventSource
        {
            HostAddress = _upstream.HostAddress,
            Namespace = "argo-events",
            Password = new SecretKeySelector { Name = "redis-secret", Key = "password" },
            Channels = ["in"],
        };
        var source = new RedisSourceFactory().Create(new NamedEventSource("in", spec), context.Context).Active!;

        var error = await Assert.ThrowsAsync<RedisAuthenticationException>(() => source.RunAsync(TestContext.Current.CancellationToken));

        Assert.Contains(_upstream.HostAddress, error.Message, StringComparison.Ordinal);
        Assert.Contains("WRONGPASS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_redis_restarts_the_source_subscribes_again_and_resumes()
    {
        await using var host = await StartAsync(Manifest("resume", """
                ticks:
                  hostAddress: {ADDRESS}
                  namespace: argo-events
                  password:
                    name: redis-secret
                    key: password
                  channels: [ticks]
            """), Secret("s3cret"));
        await using (var client = await ConnectAsync())
        {
            await PublishUntilStoredAsync(client, "ticks", "before", "default.resume.ticks");
        }

        await _upstream.RestartAsync();
        await using var again = await ConnectAsync();
        var events = await PublishUntilStoredAsync(again, "ticks", "after", "default.resume.ticks", minimum: 2, within: TimeSpan.FromSeconds(20));

        Assert.Contains(events, e => Encoding.UTF8.GetString(e.Event.Data.Span).Contains("\"body\":\"after\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tls_with_insecure_skip_verify_connects_and_tls_without_it_verifies_the_server()
    {
        await using var host = await StartAsync(Manifest("secure", $$"""
                secure:
                  hostAddress: 127.0.0.1:{{_upstream.TlsPort}}
                  namespace: argo-events
                  password:
                    name: redis-secret
                    key: password
                  channels: [in]
                  tls:
                    insecureSkipVerify: true
            """), Secret("s3cret"));
        await using var client = await ConnectAsync();

        Assert.NotEmpty(await PublishUntilStoredAsync(client, "in", "x", "default.secure.secure"));

        await using var context = await TestSourceContext.StartAsync("verified", bus.ClientUrl, EventSourceTypes.Redis, ["in"]);
        var spec = new RedisEventSource { HostAddress = $"127.0.0.1:{_upstream.TlsPort}", Channels = ["in"], Tls = new TlsConfig { Enabled = true } };
        var verifying = new RedisSourceFactory().Create(new NamedEventSource("in", spec), context.Context).Active!;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        // The self-signed certificate is not trusted: the source keeps retrying and publishes nothing.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => verifying.RunAsync(cancel.Token));
        Assert.Empty(await _probe.ReadAllAsync("default.verified.>"));
    }

    [Theory]
    [InlineData("no-channels", "spec.redis.x.channels")]
    [InlineData("no-namespace", "spec.redis.x.namespace")]
    [InlineData("no-address", "spec.redis.x.hostAddress")]
    [InlineData("bad-port", "spec.redis.x.hostAddress")]
    [InlineData("missing-secret", "spec.redis.x.password")]
    public async Task What_cannot_run_is_refused_at_start_naming_the_field(string what, string field)
    {
        await using var context = await TestSourceContext.StartAsync("refused", bus.ClientUrl, EventSourceTypes.Redis, ["x"]);
        var spec = new RedisEventSource { HostAddress = _upstream.HostAddress, Channels = ["in"] };
        spec = what switch
        {
            "no-channels" => spec with { Channels = [] },
            "no-namespace" => spec with { Password = new SecretKeySelector { Name = "s", Key = "k" } },
            "no-address" => spec with { HostAddress = null },
            "bad-port" => spec with { HostAddress = "127.0.0.1:http" },
            _ => spec with { Namespace = "ns", Password = new SecretKeySelector { Name = "s", Key = "k" } },
        };

        var error = Assert.Throws<InvalidOperationException>(() => new RedisSourceFactory().Create(new NamedEventSource("x", spec), context.Context));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_payload_carries_a_non_json_body_as_go_writes_a_string()
    {
        var payload = RedisPayload.TryBuild("c", null, [0x61, 0xff, 0x0a], jsonBody: false, new Dictionary<string, string>());

        Assert.Equal("{\"channel\":\"c\",\"pattern\":\"\",\"body\":\"a\uFFFD\\n\"}", Encoding.UTF8.GetString(payload!));
        Assert.Null(RedisPayload.TryBuild("c", null, "{"u8, jsonBody: true, new Dictionary<string, string>()));
    }

    private static SourceRegistry Sources()
    {
        var registry = EventSourceService.DefaultSources();
        return registry.Types.Contains(EventSourceTypes.Redis) ? registry : registry.Add(new RedisSourceFactory());
    }

    private static Dictionary<string, string> Secret(string password) => new() { ["redis-secret/password"] = password };

    private Task<RedisConnection> ConnectAsync() => RedisConnection.ConnectAsync(new RedisOptions { Port = _upstream.Port, Password = "s3cret" });

    private Task<EventSourceTestHost> StartAsync(string manifest, IReadOnlyDictionary<string, string>? secrets = null)
        => EventSourceTestHost.StartAsync(manifest, bus.ClientUrl, secrets: secrets, sources: Sources());

    private string Manifest(string name, string events) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: {name}
        spec:
          redis:
        {events.Replace("{ADDRESS}", _upstream.HostAddress, StringComparison.Ordinal)}
        """;

    /// <summary>
    /// Publishes until the bus holds <paramref name="minimum"/> events: pub/sub drops messages nobody subscribes to
    /// yet, and the source subscribes only once this replica leads.
    /// </summary>
    private async Task<List<(string Subject, CloudEvent Event, string? MsgId)>> PublishUntilStoredAsync(
        RedisConnection client, string channel, string body, string busSubject, int minimum = 1, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            await client.ExecuteAsync(["PUBLISH", channel, body]);
            var events = await _probe.WaitForAsync(minimum, busSubject, TimeSpan.FromMilliseconds(250));
            if (events.Count >= minimum)
            {
                return events;
            }

            Assert.True(DateTime.UtcNow < deadline, $"nothing more reached {busSubject}; redis log:\n{_upstream.LogTail()}");
        }
    }
}
