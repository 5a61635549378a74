using System.Diagnostics;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing.Nats;

namespace ArgoEvents.Bench.Bus;

/// <summary>
/// The EventBus client against real nats-server processes started here: core publish, publish to a subscriber,
/// request/reply latency, JetStream async publish on R1 and on a 3-node R3 cluster, pull consume, KV put/get,
/// and the bytes allocated per core publish.
/// </summary>
public sealed class BusSuite(BenchContext context)
{
    private const int JetStreamWindow = 1024;
    private const int KeyValueConcurrency = 256;

    public async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        await using (var server = new NatsServerProcess(new NatsServerOptions { JetStream = true }))
        {
            await server.StartAsync();
            var url = server.ClientUrl;
            results.AddRange(await CorePublishAsync(url));
            results.Add(await PublishToSubscriberAsync(url));
            results.AddRange(await RequestReplyAsync(url));
            results.Add(await JetStreamPublishAsync([url], replicas: 1, "js_pub_r1"));
            results.Add(await JetStreamConsumeAsync(url));
            results.AddRange(await KeyValueAsync(url));
        }

        await using (var cluster = new NatsCluster(3))
        {
            await cluster.StartAsync();
            results.Add(await JetStreamPublishAsync(cluster.ClientUrls, replicas: 3, "js_pub_r3"));
        }

        return results;
    }

    private async Task<IEnumerable<BenchResult>> CorePublishAsync(string url)
    {
        await using var connection = await NatsConnection.ConnectAsync(url);
        var results = new List<BenchResult>();
        foreach (var size in new[] { 16, 128 })
        {
            var payload = new byte[size];
            var count = context.Scale(5_000_000);
            // As long as the measured run, so the writer's segment pool has reached its working size before measuring.
            await PublishManyAsync(connection, payload, count);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            await PublishManyAsync(connection, payload, count);
            var elapsed = watch.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            BenchContext.Progress($"core publish {size} B: {count / elapsed.TotalSeconds:N0} msgs/s, {allocated / (double)count:F3} B allocated per message");
            results.Add(new($"core_pub_{size}b", count / elapsed.TotalSeconds, "msgs/s"));
            if (size == 128)
            {
                results.Add(new("alloc_bytes_per_pub", allocated / (double)count, "bytes/msg"));
            }
        }

        return results;
    }

    private static async Task PublishManyAsync(NatsConnection connection, byte[] payload, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await connection.PublishAsync("bench.core", payload);
        }

        await connection.FlushAsync();
    }

    private async Task<BenchResult> PublishToSubscriberAsync(string url)
    {
        var count = context.Scale(2_000_000);
        await using var publisher = await NatsConnection.ConnectAsync(url);
        await using var subscriber = await NatsConnection.ConnectAsync(url);
        await using var subscription = await subscriber.SubscribeAsync("bench.pubsub", null, capacity: count);
        await subscriber.FlushAsync();
        var payload = new byte[128];
        var received = Task.Run(async () =>
        {
            var seen = 0;
            while (seen < count && await subscription.Msgs.WaitToReadAsync())
            {
                while (subscription.Msgs.TryRead(out _))
                {
                    seen++;
                }
            }
        });

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await publisher.PublishAsync("bench.pubsub", payload);
        }

        await received.WaitAsync(TimeSpan.FromMinutes(2));
        var rate = count / watch.Elapsed.TotalSeconds;
        BenchContext.Progress($"publish -> subscribe 128 B: {rate:N0} msgs/s ({subscription.DroppedMessages} dropped)");
        return new("pubsub_128b", rate, "msgs/s");
    }

    private async Task<IEnumerable<BenchResult>> RequestReplyAsync(string url)
    {
        await using var responder = await NatsConnection.ConnectAsync(url);
        await using var requester = await NatsConnection.ConnectAsync(url);
        await using var service = await responder.SubscribeAsync("bench.rr");
        await responder.FlushAsync();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            try
            {
                await foreach (var msg in service.ReadAllAsync(stop.Token))
                {
                    await msg.ReplyAsync(msg.Data);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var payload = new byte[128];
        for (var i = 0; i < context.Scale(2_000); i++)
        {
            await requester.RequestAsync("bench.rr", payload);
        }

        var count = context.Scale(20_000);
        var sample = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await requester.RequestAsync("bench.rr", payload);
            sample.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        await stop.CancelAsync();
        await serving;
        var p50 = Percentiles.Of(sample, 50);
        var p99 = Percentiles.Of(sample, 99);
        BenchContext.Progress($"request/reply: p50 {p50:F0} us, p99 {p99:F0} us");
        return [new("reqrep_p50_us", p50, "us"), new("reqrep_p99_us", p99, "us")];
    }

    private async Task<BenchResult> JetStreamPublishAsync(IReadOnlyList<string> urls, int replicas, string name)
    {
        await using var connection = await NatsConnection.ConnectAsync(new NatsOptions { Urls = urls, RequestTimeout = TimeSpan.FromSeconds(10) });
        var jetStream = new JetStreamContext(connection);
        var stream = $"BENCH_R{replicas}";
        await jetStream.CreateStreamAsync(new StreamConfig(stream, $"bench.r{replicas}.>") { NumReplicas = replicas, Storage = StorageType.File });
        var publisher = jetStream.CreateAsyncPublisher(JetStreamWindow);
        var payload = new byte[128];
        var subject = $"bench.r{replicas}.events";
        await PublishWindowedAsync(publisher, subject, payload, context.Scale(10_000));

        var count = context.Scale(replicas == 1 ? 300_000 : 100_000);
        var watch = Stopwatch.StartNew();
        await PublishWindowedAsync(publisher, subject, payload, count);
        var rate = count / watch.Elapsed.TotalSeconds;
        BenchContext.Progress($"JetStream async publish R{replicas} file, window {JetStreamWindow}: {rate:N0} msgs/s");
        return new(name, rate, "msgs/s");
    }

    private static async Task PublishWindowedAsync(JetStreamAsyncPublisher publisher, string subject, byte[] payload, int count)
    {
        var acks = new Task<PubAck>[count];
        for (var i = 0; i < count; i++)
        {
            acks[i] = await publisher.PublishAsync(subject, payload);
        }

        await Task.WhenAll(acks);
    }

    private async Task<BenchResult> JetStreamConsumeAsync(string url)
    {
        await using var connection = await NatsConnection.ConnectAsync(url);
        var jetStream = new JetStreamContext(connection);
        var info = await jetStream.GetStreamInfoAsync("BENCH_R1");
        var count = (int)Math.Min(info.State.Messages, (ulong)context.Scale(300_000));
        await jetStream.CreateOrUpdateConsumerAsync("BENCH_R1", new ConsumerConfig("bench-consume") { AckPolicy = AckPolicy.Explicit, DeliverPolicy = DeliverPolicy.All });
        var consumer = jetStream.GetPullConsumer("BENCH_R1", "bench-consume");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var seen = 0;
        var watch = Stopwatch.StartNew();
        await foreach (var msg in consumer.ConsumeAsync(new ConsumeOptions { MaxMessages = 1000 }, stop.Token))
        {
            await msg.AckAsync();
            if (++seen == count)
            {
                break;
            }
        }

        var rate = seen / watch.Elapsed.TotalSeconds;
        BenchContext.Progress($"JetStream pull consume with explicit acks: {rate:N0} msgs/s");
        return new("js_consume", rate, "msgs/s");
    }

    private async Task<IEnumerable<BenchResult>> KeyValueAsync(string url)
    {
        await using var connection = await NatsConnection.ConnectAsync(url);
        var keyValue = new KeyValueContext(new JetStreamContext(connection));
        var store = await keyValue.CreateStoreAsync(new KeyValueConfig("bench"));
        var value = new byte[128];
        var keys = Enumerable.Range(0, 1000).Select(i => $"key.{i}").ToArray();
        var count = context.Scale(50_000);

        var watch = Stopwatch.StartNew();
        await RunConcurrentlyAsync(count, i => store.PutAsync(keys[i % keys.Length], value));
        var puts = count / watch.Elapsed.TotalSeconds;

        watch.Restart();
        await RunConcurrentlyAsync(count, i => store.GetAsync(keys[i % keys.Length]));
        var gets = count / watch.Elapsed.TotalSeconds;
        BenchContext.Progress($"KV with {KeyValueConcurrency} operations in flight: put {puts:N0} ops/s, get {gets:N0} ops/s");
        return [new("kv_put", puts, "ops/s"), new("kv_get", gets, "ops/s")];
    }

    private static async Task RunConcurrentlyAsync(int count, Func<int, Task> operation)
    {
        var next = -1;
        var workers = Enumerable.Range(0, KeyValueConcurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
            }
        });
        await Task.WhenAll(workers);
    }
}
