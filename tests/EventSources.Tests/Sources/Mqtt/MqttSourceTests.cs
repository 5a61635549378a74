using System.Text;
using System.Text.RegularExpressions;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Protocols.Mqtt;
using ArgoEvents.EventSources.Sources.Mqtt;
using ArgoEvents.EventSources.Tests.Sources.Calendar;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Mqtt;
using Microsoft.Extensions.Configuration;
using Xunit;
using static ArgoEvents.EventSources.Tests.Protocols.Mqtt.MqttTestBroker;
using static ArgoEvents.EventSources.Tests.Sources.Mqtt.MqttSourceHarness;

namespace ArgoEvents.EventSources.Tests.Sources.Mqtt;

/// <summary>The mqtt source against real mosquitto brokers and a real JetStream bus.</summary>
public sealed partial class MqttSourceTests(NatsServerFixture bus) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private BusProbe _probe = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
    public async Task Argos_example_manifest_runs_with_its_url_moved_and_a_json_message_becomes_argos_payload()
    {
        await using var broker = await StartAsync();
        var manifest = ArgoCorpus.Read("event-sources/mqtt.yaml").Replace("tcp://mqtt.argo-events:1883", broker.Url, StringComparison.Ordinal);
        await using var host = await EventSourceTestHost.StartAsync(manifest, bus.ClientUrl);
        await using var publisher = await ConnectAsync(broker.Url, "example-publisher");
        var before = await WarmUpAsync(publisher, "bar", _probe, "default.mqtt.example");

        await publisher.PublishAsync("bar", Encoding.UTF8.GetBytes("""{ "order": 1, "note": "<a&b>" }"""), cancellationToken: Ct);
        await publisher.PublishAsync("bar", Encoding.UTF8.GetBytes("""[1, 2]"""), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        var events = (await WaitForExactlyAsync(_probe, before + 2, "default.mqtt.example", broker)).Skip(before).ToList();

        var first = events[0].Event;
        Assert.Equal(("mqtt", "mqtt", "example"), (first.Source, first.Type, first.Subject));
        Assert.Matches("^[0-9a-f]{32}$", first.Id);
        Assert.Equal("""{"topic":"bar","messageId":0,"body":{"order":1,"note":"\u003ca\u0026b\u003e"}}""", Data(first));

        // Argo subscribes with QoS 0, so even a QoS 1 publication arrives with packet id 0.
        Assert.Equal("""{"topic":"bar","messageId":0,"body":[1,2]}""", Data(events[1].Event));
        Assert.NotEqual(first.Id, events[1].Event.Id);
    }

    [Fact]
    public async Task Without_json_body_the_body_is_base64_with_metadata_and_qos_1_carries_the_packet_id()
    {
        await using var broker = await StartAsync();
        await CreateSessionAsync(broker.Url, "raw-client", "raw/+");
        await using var publisher = await ConnectAsync(broker.Url, "raw-publisher");
        await publisher.PublishAsync("raw/1", Encoding.UTF8.GetBytes("hello"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        await publisher.PublishAsync("raw/2", new byte[] { 0xff, 0x00, 0x10 }, MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        await using (var host = await EventSourceTestHost.StartAsync(Manifest("raw", $"""
                raw:
                  url: {broker.Url}
                  topic: raw/+
                  clientId: raw-client
                  qos: 1
                  metadata:
                    team: iot
            """), bus.ClientUrl))
        {
            var events = await WaitForExactlyAsync(_probe, 2, "default.raw.raw", broker);

            var first = PayloadPattern().Match(Data(events[0].Event));
            Assert.True(first.Success, Data(events[0].Event));
            Assert.Equal(("raw/1", "aGVsbG8="), (first.Groups["topic"].Value, first.Groups["body"].Value));
            Assert.InRange(int.Parse(first.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 65535);
            Assert.EndsWith("\"body\":\"/wAQ\",\"metadata\":{\"team\":\"iot\"}}", Data(events[1].Event), StringComparison.Ordinal);
        }

        await AssertSessionHoldsNothingAsync(broker.Url, "raw-client");
    }

    [Fact]
    public async Task With_json_body_a_malformed_message_is_dropped_counted_and_acknowledged_and_the_next_one_arrives()
    {
        await using var broker = await StartAsync();
        await CreateSessionAsync(broker.Url, "json-client", "json");
        await using (var host = await EventSourceTestHost.StartAsync(Manifest("json", $"""
                json:
                  url: {broker.Url}
                  topic: json
                  clientId: json-client
                  qos: 1
                  jsonBody: true
            """), bus.ClientUrl))
        {
            await using var publisher = await ConnectAsync(broker.Url, "json-publisher");
            await publisher.PublishAsync("json", Encoding.UTF8.GetBytes("not json {"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
            await publisher.PublishAsync("json", Encoding.UTF8.GetBytes("""{"id": [1, 2]}"""), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
            var events = await WaitForExactlyAsync(_probe, 1, "default.json.json", broker);

            Assert.EndsWith("\"body\":{\"id\":[1,2]}}", Data(events[0].Event), StringComparison.Ordinal);
            var metrics = await _http.GetStringAsync($"{host.ServiceUrl}/metrics", Ct);
            Assert.Contains(
                metrics.Split('\n'),
                line => line.StartsWith("argo_events_events_processing_failed_total{", StringComparison.Ordinal) && line.Contains("event_name=\"json\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
        }

        await AssertSessionHoldsNothingAsync(broker.Url, "json-client");
    }

    [Fact]
    public async Task With_qos_1_a_message_stays_with_the_broker_while_the_bus_is_down_and_arrives_once_when_it_is_back()
    {
        await using var broker = await StartAsync();
        await CreateSessionAsync(broker.Url, "held-client", "held");
        await using var publisher = await ConnectAsync(broker.Url, "held-publisher");
        await using (var host = await EventSourceTestHost.StartAsync(Manifest("held", $"""
                held:
                  url: {broker.Url}
                  topic: held
                  clientId: held-client
                  qos: 1
            """), bus.ClientUrl))
        {
            await publisher.PublishAsync("held", Encoding.UTF8.GetBytes("warm-up"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
            await WaitForExactlyAsync(_probe, 1, "default.held.held", broker);

            await bus.Server.StopAsync(Ct);
            try
            {
                await publisher.PublishAsync("held", Encoding.UTF8.GetBytes("during outage"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
                await Task.Delay(TimeSpan.FromSeconds(2), Ct);

                // Taking the session over for a moment shows the broker still holds it unacknowledged: it comes again.
                await using (var peek = await ConnectAsync(broker.Url, "held-client", cleanSession: false))
                {
                    var held = Assert.Single(await ReceiveAsync(peek, 1, TimeSpan.FromSeconds(10)));
                    Assert.Equal(("during outage", true), (Text(held), held.Duplicate));
                }

                await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            }
            finally
            {
                await bus.Server.StartAsync(Ct);
            }

            await using var probe = await BusProbe.ConnectAsync(bus.ClientUrl);
            var events = await WaitForExactlyAsync(probe, 2, "default.held.held", broker, TimeSpan.FromSeconds(60));
            Assert.EndsWith("\"body\":\"ZHVyaW5nIG91dGFnZQ==\"}", Data(events[1].Event), StringComparison.Ordinal);
        }

        await AssertSessionHoldsNothingAsync(broker.Url, "held-client");
    }

    [Fact]
    public async Task A_new_leader_recognises_what_the_old_one_published_and_every_message_is_on_the_bus_exactly_once()
    {
        const int Received = 12;
        const int PublishedByOldLeader = 5;
        await using var broker = await StartAsync();
        await using var publisher = await ConnectAsync(broker.Url, "dedupe-publisher");
        await using var oldLeaderContext = await TestSourceContext.StartAsync("dedupe", bus.ClientUrl, EventSourceTypes.Mqtt, ["in"]);
        var metadata = new Dictionary<string, string> { ["site"] = "a" };

        // The old leader: same client id and persistent session; it receives everything and acknowledges nothing.
        var oldLeader = await ConnectAsync(broker.Url, "dedupe-client", cleanSession: false);
        await oldLeader.SubscribeAsync("dedupe/#", MqttQualityOfService.AtLeastOnce, Ct);

        // Bodies 1 and 7 are equal: only their packet ids tell them apart, and only the first is on the bus.
        var bodies = Enumerable.Range(0, Received).Select(i => i is 1 or 7 ? "same" : $"m{i}").ToList();
        for (var i = 0; i < Received; i++)
        {
            await publisher.PublishAsync($"dedupe/{i % 3}", Encoding.UTF8.GetBytes(bodies[i]), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        }

        var messages = await ReceiveAsync(oldLeader, Received);
        var payloads = messages.Select(m => MqttPayload.TryBuild(m.Topic, m.PacketId, m.Payload.Span, jsonBody: false, metadata)!).ToList();
        Assert.Equal(Received, payloads.Select(Convert.ToHexString).Distinct().Count());
        foreach (var payload in payloads.Take(PublishedByOldLeader))
        {
            await oldLeaderContext.Context.Dispatcher.DispatchAsync("in", payload, cancellationToken: Ct);
        }

        // A SUBACK comes back only after the broker has read everything the old leader sent before it.
        await oldLeader.SubscribeAsync("sync/old-leader", MqttQualityOfService.AtMostOnce, Ct);
        Assert.Equal(Received, oldLeader.UnacknowledgedCount);

        // The new leader takes the session over while the old one is still connected, as after a partition.
        await using (var host = await EventSourceTestHost.StartAsync(Manifest("dedupe", $"""
                in:
                  url: {broker.Url}
                  topic: dedupe/#
                  clientId: dedupe-client
                  qos: 1
                  metadata:
                    site: a
            """), bus.ClientUrl))
        {
            var events = await WaitForExactlyAsync(_probe, Received, "default.dedupe.in", broker, TimeSpan.FromSeconds(30));
            Assert.Equal(payloads.Select(Encoding.UTF8.GetString).Order(StringComparer.Ordinal), events.Select(e => Data(e.Event)).Order(StringComparer.Ordinal));

            await publisher.PublishAsync("dedupe/after", Encoding.UTF8.GetBytes("after"), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
            var after = await WaitForExactlyAsync(_probe, Received + 1, "default.dedupe.in", broker);
            Assert.Contains("\"body\":\"YWZ0ZXI=\"", Data(after[^1].Event), StringComparison.Ordinal);
        }

        await oldLeader.DisposeAsync();
        await AssertSessionHoldsNothingAsync(broker.Url, "dedupe-client");
    }

    [Fact]
    public async Task After_a_broker_restart_with_persistence_the_source_resumes_and_nothing_is_lost_or_doubled()
    {
        const int Before = 10;
        const int Burst = 300;
        await using var broker = await StartAsync(new MosquittoOptions { Persistence = true, MaxQueuedMessages = 0 });
        await CreateSessionAsync(broker.Url, "restart-client", "restart");
        await using var host = await EventSourceTestHost.StartAsync(Manifest("restart", $"""
                restart:
                  url: {broker.Url}
                  topic: restart
                  clientId: restart-client
                  qos: 1
                  jsonBody: true
                  connectionBackoff:
                    duration: 200ms
                    steps: 100
            """), bus.ClientUrl);
        await using (var publisher = await ConnectAsync(broker.Url, "restart-publisher"))
        {
            for (var i = 0; i < Before; i++)
            {
                await publisher.PublishAsync("restart", Encoding.UTF8.GetBytes($$"""{"n":{{i}}}"""), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
            }

            await WaitForExactlyAsync(_probe, Before, "default.restart.restart", broker);

            // The broker has them all; the restart comes while the source is still working through them.
            await Task.WhenAll(Enumerable.Range(Before, Burst).Select(i => publisher.PublishAsync("restart", Encoding.UTF8.GetBytes($$"""{"n":{{i}}}"""), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct)));
        }

        await broker.RestartAsync(Ct);
        await using (var publisher = await ConnectAsync(broker.Url, "restart-publisher"))
        {
            await publisher.PublishAsync("restart", Encoding.UTF8.GetBytes("""{"n":-1}"""), MqttQualityOfService.AtLeastOnce, cancellationToken: Ct);
        }

        var events = await WaitForExactlyAsync(_probe, Before + Burst + 1, "default.restart.restart", broker, TimeSpan.FromSeconds(60));
        var numbers = events.Select(e => Data(e.Event)).Select(d => int.Parse(NumberPattern().Match(d).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(-1, Before + Burst + 1), numbers);
    }

    [Fact]
    public async Task A_wrong_password_fails_clearly_naming_the_broker_and_the_user_after_the_backoff_steps()
    {
        await using var broker = await StartAsync(new MosquittoOptions { AllowAnonymous = false, Users = new Dictionary<string, string> { ["argo"] = "right-pass" } });
        await using var context = await TestSourceContext.StartAsync("auth", bus.ClientUrl, EventSourceTypes.Mqtt, ["in"], secrets: new Dictionary<string, string>
        {
            ["creds/user"] = "argo",
            ["creds/password"] = "wrong-pass",
        });
        var spec = new MqttEventSource
        {
            Url = broker.Url,
            Topic = "t",
            ClientId = "auth-client",
            Auth = new BasicAuth { Username = new SecretKeySelector { Name = "creds", Key = "user" }, Password = new SecretKeySelector { Name = "creds", Key = "password" } },
            ConnectionBackoff = new Backoff { Steps = 2, Duration = BackoffDuration.FromNanoseconds(50_000_000) },
        };
        var source = new MqttSourceFactory().Create(new NamedEventSource("in", spec), context.Context).Active!;

        var error = await Assert.ThrowsAsync<MqttSourceException>(() => source.RunAsync(Ct));

        Assert.Contains($"tcp://127.0.0.1:{broker.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("user 'argo'", error.Message, StringComparison.Ordinal);
        Assert.Matches("CONNACK return code (4|5)", error.Message);
        Assert.Contains("spec.mqtt.in.auth", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 time(s)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qos-2", "spec.mqtt.x.qos: QoS 2 is not supported")]
    [InlineData("qos-5", "spec.mqtt.x.qos: must be 0 or 1, got 5")]
    [InlineData("no-client-id", "spec.mqtt.x.clientId")]
    [InlineData("no-topic", "spec.mqtt.x.topic")]
    [InlineData("bad-topic", "spec.mqtt.x.topic")]
    [InlineData("no-url", "spec.mqtt.x.url")]
    [InlineData("websocket-url", "spec.mqtt.x.url")]
    [InlineData("missing-secret", "spec.mqtt.x.auth.username")]
    [InlineData("recent-events", MqttSourceFactory.RecentEventsKey)]
    public async Task What_cannot_run_is_refused_at_start_naming_the_field(string what, string expected)
    {
        await using var context = await TestSourceContext.StartAsync("refused", bus.ClientUrl, EventSourceTypes.Mqtt, ["x"]);
        var secret = new SecretKeySelector { Name = "s", Key = "k" };
        var spec = new MqttEventSource { Url = "tcp://127.0.0.1:1883", Topic = "t", ClientId = "c" };
        var sourceContext = context.Context;
        spec = what switch
        {
            "qos-2" => spec with { Qos = 2 },
            "qos-5" => spec with { Qos = 5 },
            "no-client-id" => spec with { ClientId = "" },
            "no-topic" => spec with { Topic = null },
            "bad-topic" => spec with { Topic = "a/#/b" },
            "no-url" => spec with { Url = null },
            "websocket-url" => spec with { Url = "ws://127.0.0.1:9001" },
            "missing-secret" => spec with { Auth = new BasicAuth { Username = secret, Password = secret } },
            _ => spec,
        };
        if (what == "recent-events")
        {
            sourceContext = sourceContext with
            {
                Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [MqttSourceFactory.RecentEventsKey] = "0" }).Build(),
            };
        }

        var error = Assert.Throws<InvalidOperationException>(() => new MqttSourceFactory().Create(new NamedEventSource("x", spec), sourceContext));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("""^\{"topic":"(?<topic>[^"]+)","messageId":(?<id>\d+),"body":"(?<body>[^"]*)","metadata":\{"team":"iot"\}\}$""")]
    private static partial Regex PayloadPattern();

    [GeneratedRegex("""\{"n":(-?\d+)\}""")]
    private static partial Regex NumberPattern();
}
