using System.Diagnostics;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.Sensors;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.Testing.Nats;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Bench.Sensors;

/// <summary>
/// The Sensor runtime in this process, as the service runs it while it leads, against nats-servers started here: log
/// trigger (at-least-once) and http trigger (at-most-once, to a local Kestrel receiver) throughput with a data filter
/// on the dependency, publish-to-trigger latency at a paced load, and the data filter evaluation on its own. The
/// throughput and latency runs go first on one JetStream node (R1), then on a 3-node cluster (R3, names suffixed
/// <c>_r3</c>).
/// </summary>
public sealed class SensorsSuite(BenchContext context)
{
    private const string EventSourceName = "bench-hook";
    private const double PacedRate = 2_000;
    private static readonly TimeSpan DrainWithin = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        results.AddRange(DataFilterRun.Run(context));

        using var sink = new LineLogSink(new FileStream("/dev/null", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 64 * 1024));
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(sink));
        await using var receiver = await HttpReceiver.StartAsync();
        var triggers = SensorService.DefaultTriggers();

        await using (var server = new NatsServerProcess(new NatsServerOptions { JetStream = true }))
        {
            await server.StartAsync();
            results.AddRange(await RunOnBusAsync([server.ClientUrl], [server.Pid], replicas: 1, "", sink, loggerFactory, receiver, triggers));
        }

        await using (var cluster = new NatsCluster(3))
        {
            await cluster.StartAsync();
            results.AddRange(await RunOnBusAsync(cluster.ClientUrls, [.. cluster.Nodes.Select(n => n.Pid)], replicas: 3, "_r3", sink, loggerFactory, receiver, triggers));
        }

        BenchContext.Progress($"log sink wrote {sink.Lines:N0} lines in all");
        return results;
    }

    private async Task<IEnumerable<BenchResult>> RunOnBusAsync(
        IReadOnlyList<string> urls, IReadOnlyList<int> natsPids, int replicas, string suffix, LineLogSink sink, ILoggerFactory loggerFactory, HttpReceiver receiver, TriggerRegistry triggers)
    {
        var busUrls = string.Join(",", urls);
        await using var bus = await EventBusClient.ConnectAsync(busUrls);

        // Unlimited message count: with Argo's 50,000 the stream would discard events the sensor has not consumed yet
        // while the publisher runs ahead of it.
        await bus.EnsureStreamAsync(new EventStreamSettings { Replicas = replicas, MaxMsgs = -1 });
        var results = new List<BenchResult>();
        var cpu = new CpuMeter(natsPids);
        var count = context.Scale(200_000);
        var paced = context.Scale((int)(PacedRate * 10));

        await using (var _ = await SensorRun.StartAsync(busUrls, LogSensor(suffix), triggers, loggerFactory))
        {
            var log = new EventPublisher(bus, EventSourceName, "log" + replicas);
            await FloodAsync(log, context.Scale(10_000), () => sink.Entries, sink.WhenEntriesReach);
            var before = cpu.Take();
            var rate = await FloodAsync(log, count, () => sink.Entries, sink.WhenEntriesReach);
            var used = cpu.Take() - before;
            BenchContext.Progress($"R{replicas} log trigger (data filter, atLeastOnce, line log sink on /dev/null): {count:N0} events published at once, logged at {rate:N0} events/s; {used.Describe(count)}");
            results.Add(new("log_trigger_events_per_s" + suffix, rate, "events/s"));

            var recorder = new LatencyRecorder();
            sink.RecordLatencies(recorder);
            await PacedAsync(log, paced, () => recorder.Count);
            sink.RecordLatencies(null);
            results.AddRange(Latencies(recorder, $"R{replicas} publish -> log trigger entry", "e2e", suffix));
        }

        // The sensor alone: its durable consumer holds a backlog published while it was stopped, so this process
        // spends its CPU on the sensor only, and the rate is the sensor's own.
        {
            var log = new EventPublisher(bus, EventSourceName, "log" + replicas);
            for (var i = 0; i < count; i++)
            {
                await log.PublishAsync();
            }

            await log.WaitForAcksAsync();
            var fired = sink.WhenEntriesReach(sink.Entries + count);
            var before = cpu.Take();
            await using var _ = await SensorRun.StartAsync(busUrls, LogSensor(suffix), triggers, loggerFactory);
            var end = await fired.WaitAsync(DrainWithin);
            var used = cpu.Take() - before;
            var rate = count / Stopwatch.GetElapsedTime(before.Timestamp, end).TotalSeconds;
            BenchContext.Progress($"R{replicas} log trigger draining a backlog of {count:N0} events (sensor start included, no publisher): {rate:N0} events/s; {used.Describe(count)}");
            results.Add(new("log_trigger_backlog_events_per_s" + suffix, rate, "events/s"));
        }

        await using (var _ = await SensorRun.StartAsync(busUrls, HttpSensor(suffix, receiver.Url), triggers, loggerFactory))
        {
            var http = new EventPublisher(bus, EventSourceName, "http" + replicas);
            await FloodAsync(http, context.Scale(10_000), () => receiver.Requests, receiver.WhenRequestsReach);
            var before = cpu.Take();
            var rate = await FloodAsync(http, count, () => receiver.Requests, receiver.WhenRequestsReach);
            var used = cpu.Take() - before;
            BenchContext.Progress($"R{replicas} http trigger (data filter, at-most-once, POST to Kestrel on loopback): {count:N0} events published at once, delivered at {rate:N0} requests/s; {used.Describe(count)}");
            results.Add(new("http_trigger_events_per_s" + suffix, rate, "events/s"));

            var recorder = new LatencyRecorder();
            receiver.RecordLatencies(recorder);
            await PacedAsync(http, paced, () => recorder.Count);
            receiver.RecordLatencies(null);
            results.AddRange(Latencies(recorder, $"R{replicas} publish -> http trigger request", "e2e_http", suffix));
        }

        return results;
    }

    // Publishes count events as fast as the async publisher takes them and returns the rate at which the trigger
    // fired them, from the first publish to the count-th firing.
    private static async Task<double> FloodAsync(EventPublisher publisher, int count, Func<long> firedSoFar, Func<long, Task<long>> whenFired)
    {
        var fired = whenFired(firedSoFar() + count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await publisher.PublishAsync();
        }

        await publisher.WaitForAcksAsync();
        var end = await fired.WaitAsync(DrainWithin);
        return count / Stopwatch.GetElapsedTime(start, end).TotalSeconds;
    }

    // Publishes count events at PacedRate, then waits until each has been seen.
    private static async Task PacedAsync(EventPublisher publisher, int count, Func<int> seen)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count;)
        {
            var due = Math.Min(count, (int)(watch.Elapsed.TotalSeconds * PacedRate) + 1);
            while (i < due)
            {
                await publisher.PublishAsync();
                i++;
            }

            await Task.Delay(1);
        }

        await publisher.WaitForAcksAsync();
        var deadline = Stopwatch.StartNew();
        while (seen() < count)
        {
            if (deadline.Elapsed > DrainWithin)
            {
                throw new TimeoutException($"only {seen()} of {count} paced events reached the trigger");
            }

            await Task.Delay(10);
        }
    }

    private static IEnumerable<BenchResult> Latencies(LatencyRecorder recorder, string what, string prefix, string suffix)
    {
        var sample = recorder.Snapshot();
        var p50 = Percentiles.Of(sample, 50);
        var p99 = Percentiles.Of(sample, 99);
        BenchContext.Progress($"{what} at {PacedRate:N0} events/s: {sample.Count:N0} events, p50 {p50:F2} ms, p99 {p99:F2} ms, max {sample.Max():F2} ms");
        return [new($"{prefix}_p50_ms{suffix}", p50, "ms"), new($"{prefix}_p99_ms{suffix}", p99, "ms")];
    }

    private static string LogSensor(string suffix) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata:
          name: bench-log{suffix.Replace('_', '-')}
        spec:
          dependencies:
            - name: order
              eventSourceName: {EventSourceName}
              eventName: log{(suffix.Length == 0 ? 1 : 3)}
              filters:
                data:
                  - path: body.kind
                    type: string
                    value:
                      - "^order$"
          triggers:
            - template:
                name: log-orders
                log: {"{}"}
              atLeastOnce: true
        """;

    private static string HttpSensor(string suffix, string url) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata:
          name: bench-http{suffix.Replace('_', '-')}
        spec:
          dependencies:
            - name: order
              eventSourceName: {EventSourceName}
              eventName: http{(suffix.Length == 0 ? 1 : 3)}
              filters:
                data:
                  - path: body.kind
                    type: string
                    value:
                      - "^order$"
          triggers:
            - template:
                name: http-orders
                http:
                  url: {url}
                  method: POST
                  payload:
                    - src:
                        dependencyName: order
                        dataKey: body.id
                      dest: id
                    - src:
                        dependencyName: order
                        dataKey: body.sent
                      dest: sent
        """;
}
