using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Nats;
using ArgoEvents.EventSources.Tests.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Nats;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Nats;

public sealed class NatsSourceTests(NatsServerFixture bus) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private BusProbe _probe = null!;
    private NatsServerProcess _upstream = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BusProbe.ConnectAsync(bus.ClientUrl);
        await _probe.ResetAsync();
        _upstream = await StartUpstreamAsync(new NatsServerOptions());
    }

    public async ValueTask DisposeAsync()
    {
        await _upstream.DisposeAsync();
        await _probe.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Argos_example_manifest_runs_with_its_url_moved_and_a_json_message_becomes_argos_event()
    {
        var manifest = ArgoCorpus.Read("event-sources/nats.yaml").Replace("nats://nats.argo-events.svc:4222", _upstream.ClientUrl, StringComparison.Ordinal);
        await using var host = await StartAsync(manifest);
        await using var client = await NatsConnection.ConnectAsync(_upstream.ClientUrl);

        var events = await PublishUntilStoredAsync(client, "foo", """{ "message": "hello <nats>" }""", "default.nats.example");

        var (_, cloudEvent, _) = events[0];
        Assert.Equal(("nats", "nats", "example"), (cloudEvent.Source, cloudEvent.Type, cloudEvent.Subject));
        Assert.Matches("^[0-9a-f]{32}$", cloudEvent.Id);
        Assert.Equal("""{"subject":"foo","body":{"message":"hello \u003cnats\u003e"}}""", Encoding.UTF8.GetString(cloudEvent.Data.Span));
    }

    [Fact]
    public async Task A_json_body_that_is_not_json_is_dropped_and_counted_as_a_processing_failure()
    {
        await using var host = await StartAsync(Manifest("json", """
                json:
                  url: {URL}
                  subject: orders.*
                  jsonBody: true
            """));
        await using var client = await NatsConnection.ConnectAsync(_upstream.ClientUrl);
        var skip = (await PublishUntilStoredAsync(client, "orders.ready", "{}", "default.json.json")).Count;

        await client.PublishAsync("orders.new", Encoding.UTF8.GetBytes("not json"));
        await client.PublishAsync("orders.new", Encoding.UTF8.GetBytes("""{"id": [1, 2]}"""));
        var events = (await _probe.WaitForAsync(skip + 1, "default.json.json")).Skip(skip).ToList();

        var data = Encoding.UTF8.GetString(Assert.Single(events).Event.Data.Span);
        Assert.Equal("""{"subject":"orders.new","body":{"id":[1,2]}}""", data);
        var metrics = await _http.GetStringAsync($"{host.ServiceUrl}/metrics");
        Assert.Contains(
            metrics.Split('\n'),
            line => line.StartsWith("argo_events_events_processing_failed_total{", StringComparison.Ordinal) && line.Contains("event_name=\"json\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_raw_body_is_base64_headers_are_lists_and_a_message_id_makes_a_stable_event_id()
    {
        await using var host = await StartAsync(Manifest("raw", """
                raw:
                  url: {URL}
                  subject: raw
                  metadata:
                    team: platform
            """));
        await using var client = await NatsConnection.ConnectAsync(_upstream.ClientUrl);
        var skip = (await PublishUntilStoredAsync(client, "raw", "warm-up", "default.raw.raw")).Count;

        var headers = new NatsHeaders().Add("X-Trace", "1").Add("X-Trace", "2").Add("Nats-Msg-Id", "order-17");
        await client.PublishAsync("raw", Encoding.UTF8.GetBytes("hello"), headers);
        await client.PublishAsync("raw", Encoding.UTF8.GetBytes("hello"), headers);
        await client.PublishAsync("raw", Encoding.UTF8.GetBytes("plain"));
        await _probe.WaitForAsync(skip + 2, "default.raw.raw");
        await Task.Delay(300);
        var events = (await _probe.ReadAllAsync("default.raw.raw")).Skip(skip).ToList();

        Assert.Equal(2, events.Count);
        Assert.Equal(EventIds.Derived("raw", "raw", "order-17"), events[0].Event.Id);
        Assert.Equal(
            """{"subject":"raw","body":"aGVsbG8=","header":{"Nats-Msg-Id":["order-17"],"X-Trace":["1","2"]},"metadata":{"team":"platform"}}""",
            Encoding.UTF8.GetString(events[0].Event.Data.Span));
        Assert.Equal("""{"subject":"raw","body":"cGxhaW4=","metadata":{"team":"platform"}}""", Encoding.UTF8.GetString(events[1].Event.Data.Span));
        Assert.NotEqual(events[0].Event.Id, events[1].Event.Id);
    }

    [Fact]
    public async Task In_a_queue_group_the_source_shares_the_messages_with_the_other_members()
    {
        await using var host = await StartAsync(Manifest("queued", """
                shared:
                  url: {URL}
                  subject: work
                  queue: workers
            """));
        await using var client = await NatsConnection.ConnectAsync(_upstream.ClientUrl);
        var skip = (await PublishUntilStoredAsync(client, "work", "warm-up", "default.queued.shared")).Count;
        await using var member = await client.SubscribeAsync("work", "workers");
        await client.FlushAsync();

        const int Messages = 40;
        for (var i = 0; i < Messages; i++)
        {
            await client.PublishAsync("work", Encoding.UTF8.GetBytes($"m{i}"));
        }

        await client.FlushAsync();
        var memberReceived = 0;
        using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await foreach (var _ in member.ReadAllAsync(drain.Token))
                {
                    memberReceived++;
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _probe.WaitForAsync(skip + Messages - memberReceived, "default.queued.shared");
        await Task.Delay(300);
        var stored = (await _probe.ReadAllAsync("default.queued.shared")).Count - skip;
        Assert.Equal(Messages, stored + memberReceived);
        Assert.InRange(memberReceived, 1, Messages - 1);
    }

    [Fact]
    public async Task Token_and_basic_auth_come_from_secrets()
    {
        await using var tokenServer = await StartUpstreamAsync(new NatsServerOptions { Token = "t0ken" });
        await using var basicServer = await StartUpstreamAsync(new NatsServerOptions { User = "argo", Password = "p4ss" });
        var manifest = Manifest("authed", """
                with-token:
                  url: {TOKEN_URL}
                  subject: in
                  auth:
                    token:
                      name: nats-secret
                      key: token
                with-basic:
                  url: {BASIC_URL}
                  subject: in
                  auth:
                    basic:
                      username:
                        name: nats-secret
                        key: user
                      password:
                        name: nats-secret
                        key: password
            """).Replace("{TOKEN_URL}", tokenServer.ClientUrl, StringComparison.Ordinal).Replace("{BASIC_URL}", basicServer.ClientUrl, StringComparison.Ordinal);
        await using var host = await StartAsync(manifest, new Dictionary<string, string>
        {
            ["nats-secret/token"] = "t0ken",
            ["nats-secret/user"] = "argo",
            ["nats-secret/password"] = "p4ss\n",
        });
        await using var tokenClient = await NatsConnection.ConnectAsync(new NatsOptions { Urls = [tokenServer.ClientUrl], Token = "t0ken" });
        await using var basicClient = await NatsConnection.ConnectAsync(new NatsOptions { Urls = [basicServer.ClientUrl], User = "argo", Password = "p4ss" });

        Assert.NotEmpty(await PublishUntilStoredAsync(tokenClient, "in", "{}", "default.authed.with-token"));
        Assert.NotEmpty(await PublishUntilStoredAsync(basicClient, "in", "{}", "default.authed.with-basic"));
    }

    [Fact]
    public async Task Wrong_credentials_fail_clearly_and_the_service_keeps_retrying()
    {
        await using var tokenServer = await StartUpstreamAsync(new NatsServerOptions { Token = "t0ken" });
        await using var context = await TestSourceContext.StartAsync("wrong", bus.ClientUrl, EventSourceTypes.Nats, ["in"], secrets: new Dictionary<string, string> { ["nats-secret/token"] = "wrong" });
        var spec = new NatsEventSource
        {
            Url = tokenServer.ClientUrl,
            Subject = "in",
            Auth = new NatsAuth { Token = new SecretKeySelector { Name = "nats-secret", Key = "token" } },
            ConnectionBackoff = new Backoff { Steps = 2, Duration = BackoffDuration.FromNanoseconds(50_000_000) },
        };
        var source = new NatsSourceFactory().Create(new NamedEventSource("in", spec), context.Context).Active!;

        var error = await Assert.ThrowsAsync<NatsConnectionException>(() => source.RunAsync(CancellationToken.None));

        Assert.Contains(tokenServer.ClientUrl, error.Message, StringComparison.Ordinal);
        Assert.Contains("2 time(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("credentials", error.Message, StringComparison.OrdinalIgnoreCase);

        // In the service the failing source is restarted with back-off: the server sees attempt after attempt.
        var failuresBefore = AuthFailures(tokenServer);
        await using var host = await StartAsync(
            Manifest("wrong", $"""
                    in:
                      url: {tokenServer.ClientUrl}
                      subject: in
                      connectionBackoff:
                        duration: 100ms
                        steps: 2
                      auth:
                        token:
                          name: nats-secret
                          key: token
                """),
            new Dictionary<string, string> { ["nats-secret/token"] = "wrong" });
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (AuthFailures(tokenServer) < failuresBefore + 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(AuthFailures(tokenServer) >= failuresBefore + 4, $"expected repeated attempts; server log:\n{tokenServer.LogTail()}");
        Assert.Empty(await _probe.ReadAllAsync("default.wrong.>"));
    }

    [Fact]
    public async Task After_the_upstream_server_restarts_the_source_subscribes_again_and_resumes()
    {
        await using var host = await StartAsync(Manifest("resume", """
                resume:
                  url: {URL}
                  subject: ticks
            """));
        await using (var client = await NatsConnection.ConnectAsync(_upstream.ClientUrl))
        {
            await PublishUntilStoredAsync(client, "ticks", "before", "default.resume.resume");
        }

        await _upstream.RestartAsync();
        await using var again = await NatsConnection.ConnectAsync(_upstream.ClientUrl);
        var events = await PublishUntilStoredAsync(again, "ticks", "after", "default.resume.resume", minimum: 2, within: TimeSpan.FromSeconds(20));

        Assert.Contains(events, e => Encoding.UTF8.GetString(e.Event.Data.Span).Contains("\"body\":\"YWZ0ZXI=\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tls_with_insecure_skip_verify_connects_and_tls_without_it_verifies_the_server()
    {
        var certificates = Path.Combine(Path.GetTempPath(), "argo-nats-tls-" + Guid.NewGuid().ToString("N"));
        await using var tlsServer = await StartUpstreamAsync(new NatsServerOptions { Tls = NatsTlsFiles.CreateSelfSigned(certificates) });
        await using var host = await StartAsync(Manifest("secure", $"""
                    secure:
                      url: {tlsServer.ClientUrl}
                      subject: in
                      tls:
                        insecureSkipVerify: true
                """));
        await using var client = await NatsConnection.ConnectAsync(new NatsOptions { Urls = [tlsServer.ClientUrl], TlsRequired = true, TlsInsecureSkipVerify = true });

        Assert.NotEmpty(await PublishUntilStoredAsync(client, "in", "{}", "default.secure.secure"));

        await using var context = await TestSourceContext.StartAsync("verified", bus.ClientUrl, EventSourceTypes.Nats, ["in"]);
        var spec = new NatsEventSource { Url = tlsServer.ClientUrl, Subject = "in", Tls = new TlsConfig { Enabled = true }, ConnectionBackoff = new Backoff { Steps = 1 } };
        var verifying = new NatsSourceFactory().Create(new NamedEventSource("in", spec), context.Context).Active!;
        await Assert.ThrowsAsync<NatsConnectionException>(() => verifying.RunAsync(CancellationToken.None));
        Directory.Delete(certificates, recursive: true);
    }

    [Theory]
    [InlineData("nkey", "spec.nats.x.auth.nkey")]
    [InlineData("credential", "spec.nats.x.auth.credential")]
    [InlineData("ca-secret-missing", "spec.nats.x.tls.caCertSecret")]
    [InlineData("client-cert-secret-missing", "spec.nats.x.tls.clientCertSecret")]
    [InlineData("missing-secret", "spec.nats.x.auth.token")]
    public async Task What_this_build_cannot_do_is_refused_at_start_naming_the_field(string what, string field)
    {
        await using var context = await TestSourceContext.StartAsync("refused", bus.ClientUrl, EventSourceTypes.Nats, ["x"]);
        var secret = new SecretKeySelector { Name = "s", Key = "k" };
        var spec = new NatsEventSource { Url = _upstream.ClientUrl, Subject = "x" };
        spec = what switch
        {
            "nkey" => spec with { Auth = new NatsAuth { NKey = secret } },
            "credential" => spec with { Auth = new NatsAuth { Credential = secret } },
            "ca-secret-missing" => spec with { Tls = new TlsConfig { CaCertSecret = secret } },
            "client-cert-secret-missing" => spec with { Tls = new TlsConfig { ClientCertSecret = secret, ClientKeySecret = secret } },
            _ => spec with { Auth = new NatsAuth { Token = secret } },
        };

        var error = Assert.Throws<InvalidOperationException>(() => new NatsSourceFactory().Create(new NamedEventSource("x", spec), context.Context));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_backoff_follows_the_spec_and_argos_defaults()
    {
        var spec = ConnectionBackoff.From(new Backoff { Steps = 3, Duration = BackoffDuration.FromNanoseconds(100_000_000), Factor = 2 });

        Assert.Equal(new ConnectionBackoff(3, TimeSpan.FromMilliseconds(100), 2, 0), spec);
        Assert.Equal(TimeSpan.FromMilliseconds(400), spec.Delay(3, Random.Shared));
        Assert.Equal(ConnectionBackoff.Default, ConnectionBackoff.From(null));
        var jittered = ConnectionBackoff.Default.Delay(1, Random.Shared);
        Assert.InRange(jittered, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    /// <summary>The service's registry with this type in it, whether or not the build already registers it.</summary>
    private static SourceRegistry Sources()
    {
        var registry = EventSourceService.DefaultSources();
        return registry.Types.Contains(ArgoEvents.Api.V1Alpha1.EventSourceTypes.Nats) ? registry : registry.Add(new NatsSourceFactory());
    }

    private Task<EventSourceTestHost> StartAsync(string manifest, IReadOnlyDictionary<string, string>? secrets = null)
        => EventSourceTestHost.StartAsync(manifest, bus.ClientUrl, secrets: secrets, sources: Sources());

    private string Manifest(string name, string events) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: {name}
        spec:
          nats:
        {events.Replace("{URL}", _upstream.ClientUrl, StringComparison.Ordinal)}
        """;

    /// <summary>
    /// Publishes until the bus holds <paramref name="minimum"/> events under <paramref name="busSubject"/>: core NATS drops
    /// messages nobody subscribes to yet, and the source subscribes only once this replica leads.
    /// </summary>
    private async Task<List<(string Subject, ArgoEvents.EventBus.CloudEvents.CloudEvent Event, string? MsgId)>> PublishUntilStoredAsync(
        NatsConnection client, string subject, string body, string busSubject, int minimum = 1, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                await client.PublishAsync(subject, Encoding.UTF8.GetBytes(body));
            }
            catch (NatsException)
            {
                // The upstream server is coming back; try again.
            }

            var events = await _probe.WaitForAsync(minimum, busSubject, TimeSpan.FromMilliseconds(250));
            if (events.Count >= minimum)
            {
                return events;
            }

            Assert.True(DateTime.UtcNow < deadline, $"nothing more reached {busSubject}; upstream log:\n{_upstream.LogTail()}");
        }
    }

    private static async Task<NatsServerProcess> StartUpstreamAsync(NatsServerOptions options)
    {
        var server = new NatsServerProcess(options);
        await server.StartAsync();
        return server;
    }

    private static int AuthFailures(NatsServerProcess server)
        => server.Log.Snapshot().Count(line => line.Contains("Authorization Violation", StringComparison.OrdinalIgnoreCase) || line.Contains("authentication error", StringComparison.OrdinalIgnoreCase));
}
