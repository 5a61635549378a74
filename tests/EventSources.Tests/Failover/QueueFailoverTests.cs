using System.Globalization;
using System.Text.Json;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Mqtt;
using ArgoEvents.Testing.RabbitMq;
using ArgoEvents.Testing.Redis;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Queue EventSources (redisStream, amqp with manual ack, mqtt at QoS 1), three replicas as separate processes on a
/// 3-node bus: 5,000 numbered messages flow through the broker at a steady pace and the leader is SIGKILLed when a
/// third of them are stored. Another replica must take over, and the stream must hold every message exactly once:
/// what the dead leader read and never acknowledged is read again, and if it was already stored it is dropped by the bus
/// as a duplicate by event id (redisStream, amqp with publisher message ids) or recognised by the source (mqtt).
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class QueueFailoverTests(NatsClusterFixture bus)
{
    private const int Messages = 5_000;
    private const int PerSecond = 1_500;
    private const string EventName = "numbers";

    // What each source logs once it reads from its broker: publishing earlier could precede the group, binding or subscription.
    private const string RedisStreamReadingMarker = "reading numbers at";
    private const string AmqpConsumingMarker = "consuming at";
    private const string MqttSubscribedMarker = "subscribed at";

    // What a successor logs about the messages it read again.
    private const string RedisStreamPendingNote = "own pending entries";
    private const string MqttResumedNote = "resumed the session";
    private const string MqttRedeliveryNote = "redelivered message";

    [Fact]
    public async Task Killing_the_redisStream_leader_mid_flow_stores_every_entry_exactly_once()
    {
        await using var redis = new RedisServerProcess();
        await redis.StartAsync();
        const string name = "qf-redis-stream";
        await using var run = await QueueFailoverRun.StartAsync(bus, name, EventName, $"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: {name}
            spec:
              redisStream:
                {EventName}:
                  hostAddress: {redis.HostAddress}
                  streams: [numbers]
            """, data => int.Parse(data.GetProperty("values").GetProperty("n").GetString()!, CultureInfo.InvariantCulture));
        await run.WaitForLeaderLogAsync(RedisStreamReadingMarker);
        await using var publisher = await RedisStreamNumberPublisher.ConnectAsync(redis.HostAddress, "numbers");

        var outcome = await run.RunAsync(publisher, Messages, PerSecond, RedisStreamPendingNote);

        AssertExactlyOnce(run, outcome);
    }

    [Fact]
    public async Task Killing_the_amqp_leader_mid_flow_with_manual_ack_stores_every_message_exactly_once()
    {
        await using var rabbit = new RabbitMqServerProcess();
        await rabbit.StartAsync(TestContext.Current.CancellationToken);
        const string name = "qf-amqp";
        await using var run = await QueueFailoverRun.StartAsync(bus, name, EventName, $"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: {name}
            spec:
              amqp:
                {EventName}:
                  url: {rabbit.AmqpUrl}
                  jsonBody: true
                  exchangeName: failover
                  exchangeType: direct
                  routingKey: numbers
                  exchangeDeclare:
                    durable: true
                    autoDelete: false
                    internal: false
                    noWait: false
                  queueDeclare:
                    name: failover-numbers
                    durable: true
                    autoDelete: false
                    exclusive: false
                    noWait: false
                  consume:
                    autoAck: false
                    exclusive: false
                    noLocal: false
                    noWait: false
            """, BodyNumber);
        await run.WaitForLeaderLogAsync(AmqpConsumingMarker);
        await using var publisher = await AmqpNumberPublisher.ConnectAsync(rabbit.AmqpUrl, "failover", "numbers");

        var outcome = await run.RunAsync(publisher, Messages, PerSecond);

        AssertExactlyOnce(run, outcome);
        var depth = await rabbit.QueueDepthAsync("failover-numbers", TestContext.Current.CancellationToken);
        Assert.True(depth == (0, 0), $"The queue still holds {depth} (ready, unacknowledged) messages. {outcome}");
    }

    [Fact]
    public async Task Killing_the_mqtt_leader_mid_flow_at_qos_1_stores_every_message_exactly_once()
    {
        // mosquitto queues 1000 messages per offline session by default: the flow during the failover is larger.
        await using var mosquitto = new MosquittoProcess(new MosquittoOptions { MaxQueuedMessages = 20_000 });
        await mosquitto.StartAsync(TestContext.Current.CancellationToken);
        const string name = "qf-mqtt";
        await using var run = await QueueFailoverRun.StartAsync(bus, name, EventName, $"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: {name}
            spec:
              mqtt:
                {EventName}:
                  url: {mosquitto.Url}
                  topic: failover/numbers
                  clientId: argo-failover-numbers
                  jsonBody: true
                  qos: 1
            """, BodyNumber);
        await run.WaitForLeaderLogAsync(MqttSubscribedMarker);
        await using var publisher = await MqttNumberPublisher.ConnectAsync(mosquitto.Url, "failover-publisher", "failover/numbers");

        var outcome = await run.RunAsync(publisher, Messages, PerSecond, MqttResumedNote);

        AssertExactlyOnce(run, outcome);

        // The successor logs how many redeliveries it recognised once the first new message follows them.
        var successor = run.Replicas[outcome.Successor];
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, successor.Log.Snapshot().Where(line => line.Contains(MqttRedeliveryNote, StringComparison.Ordinal))));
    }

    private static int BodyNumber(JsonElement data) => data.GetProperty("body").GetProperty("n").GetInt32();

    private static void AssertExactlyOnce(QueueFailoverRun run, QueueFailoverOutcome outcome)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(outcome.ToString());
        Assert.True(outcome.Audit.IsExact, $"{outcome}{Environment.NewLine}{run.Describe()}");
        Assert.NotEqual(outcome.Killed, outcome.Successor);
        Assert.True(run.Replicas[outcome.Successor].IsRunning, $"The successor {outcome.Successor} is not running. {outcome}");

        // The kill must have landed mid-flow, or the run proved nothing about a failover.
        Assert.True(outcome.SentAtKill < Messages, $"Every message was sent before the leader was killed. {outcome}");
    }
}
