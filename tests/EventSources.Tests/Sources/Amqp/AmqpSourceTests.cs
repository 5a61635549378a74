using System.Text;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Amqp;
using ArgoEvents.EventSources.Tests.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.RabbitMq;
using RabbitMQ.Client;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Amqp;

/// <summary>The amqp source against a real rabbitmq-server node and a real JetStream bus.</summary>
public sealed class AmqpSourceTests(NatsServerFixture bus, RabbitMqFixture rabbit) : IClassFixture<NatsServerFixture>, IClassFixture<RabbitMqFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private BusProbe _probe = null!;

    private RabbitMqServerProcess Broker => rabbit.Broker;

    public async ValueTask InitializeAsync()
    {
        _probe = await BusProbe.ConnectAsync(bus.ClientUrl);
        await _probe.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Argos_example_manifest_runs_with_its_url_moved_and_each_message_reaches_the_bus_once_in_argos_shape()
    {
        await Broker.AddUserAsync("argo-example", "s3cret");
        var manifest = ArgoCorpus.Read("event-sources/amqp.yaml").Replace("amqp://rabbitmq-service.argo-events:5672", Broker.AmqpUrl, StringComparison.Ordinal);
        await using var host = await EventSourceTestHost.StartAsync(manifest, bus.ClientUrl, secrets: new Dictionary<string, string>
        {
            ["my-secret/username"] = "argo-example",
            ["my-secret/password"] = "s3cret\n",
        });
        await using var client = await AmqpTestClient.ConnectAsync(Broker.AmqpUrl);
        await client.WaitForQueueAsync("my-queue-name");

        var properties = new BasicProperties
        {
            ContentType = "application/json",
            ContentEncoding = "utf-8",
            DeliveryMode = DeliveryModes.Persistent,
            Priority = 5,
            CorrelationId = "corr-1",
            ReplyTo = "replies",
            Expiration = "60000",
            MessageId = "order-1",
            Timestamp = new AmqpTimestamp(1_700_000_000),
            Type = "order.created",
            AppId = "shop",
        };
        await client.PublishAsync("test", "hello", """{ "order": 1, "note": "<a&b>" }""", properties);
        for (var i = 2; i <= 20; i++)
        {
            await client.PublishAsync("test", "hello", $$"""{"order":{{i}}}""");
        }

        var events = await WaitForExactlyAsync(20, "default.amqp.example");
        var first = events[0].Event;
        Assert.Equal(("amqp", "amqp", "example"), (first.Source, first.Type, first.Subject));
        Assert.Equal(EventIds.Derived("amqp", "example", "order-1"), first.Id);
        Assert.Equal(
            """{"contentType":"application/json","contentEncoding":"utf-8","deliveryMode":2,"priority":5,"correlationId":"corr-1","replyTo":"replies","expiration":"60000","messageId":"order-1","timestamp":"2023-11-14 22:13:20 +0000 UTC","type":"order.created","appId":"shop","exchange":"test","routingKey":"hello","body":{"order":1,"note":"\u003ca\u0026b\u003e"}}""",
            Encoding.UTF8.GetString(first.Data.Span));
        Assert.Equal(
            """{"contentType":"","contentEncoding":"","deliveryMode":0,"priority":0,"correlationId":"","replyTo":"","expiration":"","messageId":"","timestamp":"0001-01-01 00:00:00 +0000 UTC","type":"","appId":"","exchange":"test","routingKey":"hello","body":{"order":2}}""",
            Encoding.UTF8.GetString(events[1].Event.Data.Span));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"\"order\":{i}"), events.Select(e => OrderOf(e.Event.Data.Span)));
        Assert.Equal(20, events.Select(e => e.Event.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_raw_body_is_base64_a_message_id_makes_a_stable_event_id_and_integer_queue_arguments_stay_integers()
    {
        await using var host = await StartAsync("raw", """
                raw:
                  urlSecret:
                    name: amqp
                    key: url
                  exchangeName: raw-x
                  exchangeType: direct
                  routingKey: raw
                  queueDeclare:
                    name: raw-q
                    durable: true
                    arguments: |-
                      x-max-length: 1000
                      x-queue-mode: default
                  consume:
                    autoAck: false
                  metadata:
                    team: platform
            """, new Dictionary<string, string> { ["amqp/url"] = Broker.AmqpUrl + "\n" });
        await using var client = await AmqpTestClient.ConnectAsync(Broker.AmqpUrl);
        await client.WaitForQueueAsync("raw-q");

        await client.PublishAsync("raw-x", "raw", "hello", new BasicProperties { MessageId = "m-17" });
        await client.PublishAsync("raw-x", "raw", "hello again", new BasicProperties { MessageId = "m-17" });
        await client.PublishAsync("raw-x", "elsewhere", "not bound");
        await client.PublishAsync("raw-x", "raw", "plain");
        var events = await WaitForExactlyAsync(2, "default.raw.raw");

        Assert.Equal(EventIds.Derived("raw", "raw", "m-17"), events[0].Event.Id);
        Assert.Contains("\"messageId\":\"m-17\"", Encoding.UTF8.GetString(events[0].Event.Data.Span), StringComparison.Ordinal);
        Assert.EndsWith("\"exchange\":\"raw-x\",\"routingKey\":\"raw\",\"body\":\"aGVsbG8=\",\"metadata\":{\"team\":\"platform\"}}", Encoding.UTF8.GetString(events[0].Event.Data.Span), StringComparison.Ordinal);
        Assert.EndsWith("\"body\":\"cGxhaW4=\",\"metadata\":{\"team\":\"platform\"}}", Encoding.UTF8.GetString(events[1].Event.Data.Span), StringComparison.Ordinal);
        await WaitForDepthAsync("raw-q", (0, 0));
    }

    [Fact]
    public async Task With_json_body_a_malformed_message_is_dropped_counted_and_rejected_without_requeue()
    {
        await using var host = await StartAsync("json", """
                json:
                  url: {URL}
                  exchangeName: json-x
                  exchangeType: fanout
                  routingKey: any
                  jsonBody: true
                  queueDeclare:
                    name: json-q
                    durable: true
                  consume:
                    autoAck: false
            """);
        await using var client = await AmqpTestClient.ConnectAsync(Broker.AmqpUrl);
        await client.WaitForQueueAsync("json-q");

        await client.PublishAsync("json-x", "any", "not json {");
        await client.PublishAsync("json-x", "any", """{"id": [1, 2]}""");
        var events = await WaitForExactlyAsync(1, "default.json.json");

        Assert.EndsWith("\"body\":{\"id\":[1,2]}}", Encoding.UTF8.GetString(events[0].Event.Data.Span), StringComparison.Ordinal);
        await WaitForDepthAsync("json-q", (0, 0));
        var metrics = await _http.GetStringAsync($"{host.ServiceUrl}/metrics");
        Assert.Contains(
            metrics.Split('\n'),
            line => line.StartsWith("argo_events_events_processing_failed_total{", StringComparison.Ordinal) && line.Contains("event_name=\"json\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_manual_ack_a_message_stays_queued_while_the_bus_is_down_and_arrives_once_when_it_is_back()
    {
        await using var host = await StartAsync("held", """
                held:
                  url: {URL}
                  exchangeName: held-x
                  exchangeType: topic
                  routingKey: orders.#
                  queueDeclare:
                    name: held-q
                    durable: true
                  consume:
                    autoAck: false
            """);
        await using var client = await AmqpTestClient.ConnectAsync(Broker.AmqpUrl);
        await client.WaitForQueueAsync("held-q");
        await client.PublishAsync("held-x", "orders.warm", "warm-up", new BasicProperties { MessageId = "warm" });
        await WaitForExactlyAsync(1, "default.held.held");

        await bus.Server.StopAsync();
        try
        {
            await client.PublishAsync("held-x", "orders.new", "during outage", new BasicProperties { MessageId = "outage-1", DeliveryMode = DeliveryModes.Persistent });
            await Task.Delay(TimeSpan.FromSeconds(3));
            var depth = await Broker.QueueDepthAsync("held-q");
            Assert.NotNull(depth);
            Assert.Equal(1, depth.Value.Ready + depth.Value.Unacknowledged);
        }
        finally
        {
            await bus.Server.StartAsync();
        }

        await using var probe = await BusProbe.ConnectAsync(bus.ClientUrl);
        var events = await WaitForExactlyAsync(2, "default.held.held", probe, TimeSpan.FromSeconds(60));
        Assert.Equal(EventIds.Derived("held", "held", "outage-1"), events[1].Event.Id);
        Assert.EndsWith("\"body\":\"ZHVyaW5nIG91dGFnZQ==\"}", Encoding.UTF8.GetString(events[1].Event.Data.Span), StringComparison.Ordinal);
        await WaitForDepthAsync("held-q", (0, 0));
    }

    [Fact]
    public async Task Wrong_credentials_fail_clearly_after_the_backoff_steps()
    {
        await Broker.AddUserAsync("argo-wrong", "right");
        await using var context = await TestSourceContext.StartAsync("wrong", bus.ClientUrl, EventSourceTypes.Amqp, ["in"], secrets: new Dictionary<string, string>
        {
            ["creds/user"] = "argo-wrong",
            ["creds/password"] = "wrong",
        });
        var spec = new AmqpEventSource
        {
            Url = Broker.AmqpUrl,
            ExchangeName = "wrong-x",
            ExchangeType = "fanout",
            RoutingKey = "r",
            Auth = new BasicAuth { Username = new SecretKeySelector { Name = "creds", Key = "user" }, Password = new SecretKeySelector { Name = "creds", Key = "password" } },
            ConnectionBackoff = new Backoff { Steps = 2, Duration = BackoffDuration.FromNanoseconds(50_000_000) },
        };
        var source = new AmqpSourceFactory().Create(new NamedEventSource("in", spec), context.Context).Active!;

        var error = await Assert.ThrowsAsync<AmqpConnectionException>(() => source.RunAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"127.0.0.1:{Broker.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 time(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ACCESS_REFUSED", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message.Replace("wrong-x", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_broker_restarts_the_source_connects_again_and_resumes()
    {
        await using var host = await StartAsync("resume", """
                resume:
                  url: {URL}
                  exchangeName: resume-x
                  exchangeType: fanout
                  routingKey: r
                  queueDeclare:
                    name: resume-q
                    durable: true
                  consume:
                    autoAck: false
                  connectionBackoff:
                    duration: 500ms
                    steps: 100
            """);
        await using (var client = await AmqpTestClient.ConnectAsync(Broker.AmqpUrl))
        {
            await client.WaitForQueueAsync("resume-q");
            await client.PublishAsync("resume-x", "r", "before");
            await WaitForExactlyAsync(1, "default.resume.resume");
        }

        await Broker.RestartAsync();

        // Exchange, queue and binding are durable: a persistent message published now waits for the source.
        await using var again = await AmqpTestClient.ConnectAsync(Broker.AmqpUrl);
        await again.PublishAsync("resume-x", "r", "after", new BasicProperties { DeliveryMode = DeliveryModes.Persistent });
        var events = await WaitForExactlyAsync(2, "default.resume.resume", within: TimeSpan.FromSeconds(60));

        Assert.EndsWith("\"body\":\"YWZ0ZXI=\"}", Encoding.UTF8.GetString(events[1].Event.Data.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("internal", "spec.amqp.x.exchangeDeclare.internal")]
    [InlineData("no-url", "either url or urlSecret")]
    [InlineData("both-urls", "only one of url or urlSecret")]
    [InlineData("no-routing-key", "spec.amqp.x.routingKey")]
    [InlineData("no-exchange-type", "spec.amqp.x.exchangeType")]
    [InlineData("bad-url", "spec.amqp.x.url")]
    [InlineData("bad-arguments", "spec.amqp.x.queueDeclare.arguments")]
    [InlineData("missing-secret", "spec.amqp.x.auth.username")]
    public async Task What_cannot_run_is_refused_at_start_naming_the_field(string what, string expected)
    {
        await using var context = await TestSourceContext.StartAsync("refused", bus.ClientUrl, EventSourceTypes.Amqp, ["x"]);
        var secret = new SecretKeySelector { Name = "s", Key = "k" };
        var spec = new AmqpEventSource { Url = Broker.AmqpUrl, ExchangeName = "x", ExchangeType = "fanout", RoutingKey = "r" };
        spec = what switch
        {
            "internal" => spec with { ExchangeDeclare = new AmqpExchangeDeclareConfig { Internal = true } },
            "no-url" => spec with { Url = null },
            "both-urls" => spec with { UrlSecret = secret },
            "no-routing-key" => spec with { RoutingKey = null },
            "no-exchange-type" => spec with { ExchangeType = "" },
            "bad-url" => spec with { Url = "http://guest:pw@host/" },
            "bad-arguments" => spec with { QueueDeclare = new AmqpQueueDeclareConfig { Arguments = "- just\n- a list" } },
            "missing-secret" => spec with { Auth = new BasicAuth { Username = secret, Password = secret } },
            _ => spec,
        };

        var error = Assert.Throws<InvalidOperationException>(() => new AmqpSourceFactory().Create(new NamedEventSource("x", spec), context.Context));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Queue_arguments_read_as_yaml_keep_integers_booleans_and_strings()
    {
        var table = AmqpQueueArguments.Parse("x-queue-type: quorum\nx-max-length: 10\nx-single-active-consumer: true\nx-message-ttl: 1.5\nx-dead-letter-exchange: '10'")!;

        Assert.Equal("quorum", table["x-queue-type"]);
        Assert.Equal(10L, table["x-max-length"]);
        Assert.Equal(true, table["x-single-active-consumer"]);
        Assert.Equal(1.5, table["x-message-ttl"]);
        Assert.Equal("10", table["x-dead-letter-exchange"]);
        Assert.Null(AmqpQueueArguments.Parse("  "));
        Assert.Equal(10L, AmqpQueueArguments.Parse("""{"x-max-length": 10}""")!["x-max-length"]);
    }

    private static string OrderOf(ReadOnlySpan<byte> data)
    {
        var text = Encoding.UTF8.GetString(data);
        var start = text.IndexOf("\"order\":", StringComparison.Ordinal);
        var end = text.IndexOfAny([',', '}'], start);
        return text[start..end];
    }

    private Task<EventSourceTestHost> StartAsync(string name, string events, IReadOnlyDictionary<string, string>? secrets = null)
        => EventSourceTestHost.StartAsync(
            $"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: {name}
            spec:
              amqp:
            {events.Replace("{URL}", Broker.AmqpUrl, StringComparison.Ordinal)}
            """,
            bus.ClientUrl,
            secrets: secrets);

    /// <summary>Waits for <paramref name="count"/> events, then a little longer, and requires that no more arrived.</summary>
    private async Task<List<(string Subject, ArgoEvents.EventBus.CloudEvents.CloudEvent Event, string? MsgId)>> WaitForExactlyAsync(
        int count, string subject, BusProbe? probe = null, TimeSpan? within = null)
    {
        probe ??= _probe;
        var events = await probe.WaitForAsync(count, subject, within ?? TimeSpan.FromSeconds(20));
        Assert.True(events.Count >= count, $"{events.Count} of {count} events reached {subject}; broker log:\n{Broker.LogTail(15)}");
        await Task.Delay(500);
        events = await probe.ReadAllAsync(subject);
        Assert.Equal(count, events.Count);
        return events;
    }

    private async Task WaitForDepthAsync(string queue, (long Ready, long Unacknowledged) expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var depth = await Broker.QueueDepthAsync(queue);
            if (depth == expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, depth);
                return;
            }

            await Task.Delay(250);
        }
    }
}
