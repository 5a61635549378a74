using ArgoEvents.EventBus.Bus;
using ArgoEvents.Testing.Mqtt;
using ArgoEvents.Testing.Nats;
using ArgoEvents.Testing.RabbitMq;
using ArgoEvents.Testing.Redis;

namespace ArgoEvents.Bench.Queues;

/// <summary>
/// Broker → bus throughput of the queue sources, each run by the EventSource service as its own process (the shipped
/// binary, as in the eventsources suite). Each broker is preloaded with a backlog while no service runs; the service
/// then starts and drains it, timed after the first fifth of the events (start-up and warm-up excluded) to the last
/// one stored. Besides each rate, the CPU the service, the nats-servers and the broker spent per event. The runs go
/// first on the eventsources suite's bus (a 3-node JetStream cluster started here, R3 stream), then on one JetStream
/// node (R1, names suffixed <c>_r1</c>) to show what the three copies cost on two cores.
/// </summary>
public sealed class QueuesSuite(BenchContext context)
{
    /// <summary><c>maxMsgCountPerRead</c> of the redisStream manifest (Argo's default is 10).</summary>
    public const int RedisPerRead = 200;

    /// <summary>Argo's default <c>maxMsgCountPerRead</c>, measured too.</summary>
    public const int ArgoRedisPerRead = 10;

    /// <summary>mosquitto's <c>max_inflight_messages</c> in the raised run (its default is 20).</summary>
    public const int MqttRaisedInflight = 1000;

    private const int Messages = 150_000;
    private const int MqttMessages = 100_000;

    public async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        var directory = Directory.CreateTempSubdirectory("argo-bench-queues-").FullName;
        BenchContext.Progress($"load average at the start: {File.ReadAllText("/proc/loadavg").Trim()}");
        try
        {
            var mqttCount = context.Scale(MqttMessages);
            await using var redis = new RedisServerProcess();
            await using var rabbit = new RabbitMqServerProcess();
            await using var mosquitto = new MosquittoProcess(new MosquittoOptions { MaxQueuedMessages = mqttCount + 1000 });
            await using var mosquittoRaised = new MosquittoProcess(new MosquittoOptions { MaxQueuedMessages = mqttCount + 1000, MaxInflightMessages = MqttRaisedInflight });
            await Task.WhenAll(redis.StartAsync(), rabbit.StartAsync(), mosquitto.StartAsync(), mosquittoRaised.StartAsync());
            var brokers = new QueueBrokers(redis, rabbit, mosquitto, mosquittoRaised);

            await using (var cluster = new NatsCluster(3))
            {
                await cluster.StartAsync();
                results.AddRange(await RunOnBusAsync(cluster.ClientUrls, [.. cluster.Nodes.Select(n => n.Pid)], replicas: 3, "", brokers, directory));
            }

            await using (var server = new NatsServerProcess(new NatsServerOptions { JetStream = true }))
            {
                await server.StartAsync();
                results.AddRange(await RunOnBusAsync([server.ClientUrl], [server.Pid], replicas: 1, "_r1", brokers, directory));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return results;
    }

    private async Task<IEnumerable<BenchResult>> RunOnBusAsync(
        IReadOnlyList<string> urls, IReadOnlyList<int> natsPids, int replicas, string suffix, QueueBrokers brokers, string directory)
    {
        BenchContext.Progress($"R{replicas}: load average {File.ReadAllText("/proc/loadavg").Trim()}");
        var results = new List<BenchResult>();
        var count = context.Scale(Messages);
        var round = $"r{replicas}";
        await using var bus = await EventBusClient.ConnectAsync(string.Join(",", urls));
        await bus.EnsureStreamAsync(new EventStreamSettings { Replicas = replicas });
        var drain = new QueueDrain(urls, replicas, new StoredEventsWatch(bus), natsPids, directory);

        results.AddRange(Figures("redis_stream", suffix, await new RedisStreamRun(brokers.Redis, drain, RedisPerRead).RunAsync(round, count)));
        results.AddRange(Figures("redis_stream_read10", suffix, await new RedisStreamRun(brokers.Redis, drain, ArgoRedisPerRead).RunAsync($"{round}-read10", count)));

        var amqp = new AmqpRun(brokers.RabbitMq, drain);
        results.AddRange(Figures("amqp", suffix, await amqp.RunAsync($"{round}-manual", count, autoAck: false)));
        results.AddRange(Figures("amqp_autoack", suffix, await amqp.RunAsync($"{round}-auto", count, autoAck: true)));

        // mosquitto's default max_inflight_messages (20) bounds the unacknowledged QoS 1 messages it sends a client;
        // a platform team may raise it for a high-rate consumer, so both are measured.
        var mqttCount = context.Scale(MqttMessages);
        results.AddRange(Figures("mqtt_qos1", suffix, await new MqttRun(brokers.Mosquitto, drain).RunAsync(round, mqttCount)));
        results.AddRange(Figures("mqtt_qos1_inflight_raised", suffix, await new MqttRun(brokers.MosquittoRaised, drain).RunAsync($"{round}-raised", mqttCount)));
        return results;
    }

    private static IEnumerable<BenchResult> Figures(string prefix, string suffix, QueueDrainResult outcome) =>
    [
        new($"{prefix}_per_s{suffix}", outcome.PerSecond, "msgs/s"),
        new($"{prefix}_cpu_service_us{suffix}", outcome.Cpu.ServiceUs(outcome.Measured), "us/msg"),
        new($"{prefix}_cpu_nats_us{suffix}", outcome.Cpu.NatsUs(outcome.Measured), "us/msg"),
        new($"{prefix}_cpu_broker_us{suffix}", outcome.Cpu.BrokerUs(outcome.Measured), "us/msg"),
    ];
}
