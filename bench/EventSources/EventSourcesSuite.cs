using System.Diagnostics;
using ArgoEvents.EventBus.Bus;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.Testing.Nats;

namespace ArgoEvents.Bench.EventSources;

/// <summary>
/// The EventSource service as separate processes on a 3-node JetStream cluster started here (R3 stream):
/// webhook throughput and latency on one replica, and calendar leader failover (SIGKILL) and handover (SIGTERM)
/// among three replicas. Alongside, the HTTP-only and bus-only ceilings and the CPU each party spends per event,
/// to show where the time goes.
/// </summary>
public sealed class EventSourcesSuite(BenchContext context)
{
    private const int WebhookSpecPort = 12000;
    private const int Connections = 32;
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);

    // The successor's first publication is looked for from shortly before its lease write was seen, because the lease
    // watch and the tick subscription are stamped by different reader tasks.
    private static readonly TimeSpan StampSkew = TimeSpan.FromMilliseconds(20);

    public async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var results = new List<BenchResult>();
        var directory = Directory.CreateTempSubdirectory("argo-bench-eventsources-").FullName;
        try
        {
            await using var cluster = new NatsCluster(3);
            await cluster.StartAsync();
            await using var bus = await EventBusClient.ConnectAsync(string.Join(",", cluster.ClientUrls));
            results.AddRange(await WebhookAsync(cluster, bus, directory));
            results.AddRange(await BusOnlyAsync(bus));
            results.AddRange(await FailoverAsync(cluster, bus, directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return results;
    }

    private async Task<IEnumerable<BenchResult>> WebhookAsync(NatsCluster cluster, EventBusClient bus, string directory)
    {
        var manifest = Path.Combine(directory, "webhook.yaml");
        await File.WriteAllTextAsync(manifest, $"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: bench-hook
            spec:
              webhook:
                hook:
                  port: "{WebhookSpecPort}"
                  endpoint: /hook
                  method: POST
            """);
        // Other work on the machine takes cores from every party here; the load average tells how much.
        BenchContext.Progress($"load average before the webhook runs: {File.ReadAllText("/proc/loadavg").Trim()}");
        using var replica = new ServiceReplica("bench-hook-0", manifest, cluster.ClientUrls, WebhookSpecPort);
        await replica.StartAsync(ReadyWithin);
        var load = new WebhookLoadRun(replica.WebhookPort, "/hook", Connections);

        var health = await new WebhookLoadRun(replica.WebhookPort, "/health", Connections).RunAsync(Seconds(3), "GET");
        BenchContext.Progress($"HTTP only (GET /health on the webhook port, {Connections} connections): {health.PerSecond:N0} req/s");

        await load.RunAsync(Seconds(3));
        var storedBefore = await StoredAsync(bus);
        var cpuBefore = CpuSnapshot.Take(replica, cluster);
        var outcome = await load.RunAsync(Seconds(10));
        var cpu = CpuSnapshot.Take(replica, cluster) - cpuBefore;
        var stored = await StoredAsync(bus) - storedBefore;

        var p50 = Percentiles.Of(outcome.LatenciesMs, 50);
        var p99 = Percentiles.Of(outcome.LatenciesMs, 99);
        var perEvent = 1e6 / Math.Max(1, outcome.Accepted);
        BenchContext.Progress(
            $"webhook POST, {Connections} connections, {outcome.Elapsed.TotalSeconds:F1} s: {outcome.PerSecond:N0} events/s, p50 {p50:F2} ms, p99 {p99:F2} ms; "
            + $"{outcome.Accepted} accepted, {outcome.Other} other answers, {outcome.Errors} errors; {stored} stored");
        BenchContext.Progress(
            $"CPU per event: service {cpu.Service.TotalMicroseconds * perEvent / 1e6:F0} us, nats-servers {cpu.Nats.TotalMicroseconds * perEvent / 1e6:F0} us, "
            + $"load client {cpu.Client.TotalMicroseconds * perEvent / 1e6:F0} us (of {Environment.ProcessorCount * 1e6 / Math.Max(1, outcome.PerSecond):F0} us of cores available per event)");
        return
        [
            new("webhook_events_per_s", outcome.PerSecond, "events/s"),
            new("webhook_p50_ms", p50, "ms"),
            new("webhook_p99_ms", p99, "ms"),
            new("webhook_http_only_req_per_s", health.PerSecond, "req/s"),
            new("webhook_cpu_service_us_per_event", cpu.Service.TotalMicroseconds / Math.Max(1, outcome.Accepted), "us"),
            new("webhook_cpu_nats_us_per_event", cpu.Nats.TotalMicroseconds / Math.Max(1, outcome.Accepted), "us"),
            new("webhook_cpu_client_us_per_event", cpu.Client.TotalMicroseconds / Math.Max(1, outcome.Accepted), "us"),
        ];
    }

    // The bus alone, from this process, with the service's publish path (EventBusClient.PublishAsync of an Argo
    // webhook CloudEvent) and the same number of publishes in flight as the webhook load has requests in flight.
    private async Task<IEnumerable<BenchResult>> BusOnlyAsync(EventBusClient bus)
    {
        var payload = """{"header":{"Content-Type":["application/json"],"Content-Length":["44"]},"body":{"id":"c0000-000000000","source":"bench","value":42}}"""u8.ToArray();
        var count = 0;
        using var stop = new CancellationTokenSource(Seconds(5));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var cloudEvent = new CloudEvent(Guid.NewGuid().ToString("N"), "bench-bus", "webhook") { Subject = "hook", DataContentType = "application/json", Time = DateTimeOffset.UtcNow };
                cloudEvent.SetData(payload);
                await bus.PublishAsync("bench-bus", "hook", cloudEvent);
                Interlocked.Increment(ref count);
            }
        })));
        var rate = count / watch.Elapsed.TotalSeconds;
        BenchContext.Progress($"bus only (EventBusClient.PublishAsync, R3, {Connections} in flight): {rate:N0} events/s");
        return [new("bus_publish_r3_events_per_s", rate, "events/s")];
    }

    private async Task<IEnumerable<BenchResult>> FailoverAsync(NatsCluster cluster, EventBusClient bus, string directory)
    {
        const string name = "bench-ticker";
        var manifest = Path.Combine(directory, "calendar.yaml");
        await File.WriteAllTextAsync(manifest, $"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: {name}
            spec:
              calendar:
                everysecond:
                  interval: 1s
                  persistence:
                    catchup:
                      enabled: true
                      maxDuration: 5m
            """);
        var replicas = Enumerable.Range(0, 3).Select(i => new ServiceReplica($"{name}-{i}", manifest, cluster.ClientUrls)).ToList();
        try
        {
            await Task.WhenAll(replicas.Select(r => r.StartAsync(ReadyWithin)));
            await using var watch = await CalendarLeaderWatch.StartAsync(bus, name);
            await watch.WaitForNewHolderAsync(null, 0, TimeSpan.FromSeconds(30));

            // Kills land at a random phase of the tick and of the lease renewal; the seed keeps runs comparable.
            var random = new Random(7);
            var failovers = new List<double>();
            var leases = new List<double>();
            for (var round = 0; round < (context.Quick ? 3 : 10); round++)
            {
                var (lease, firstTick) = await HandOverAsync(watch, replicas, random, graceful: false);
                leases.Add(lease);
                failovers.Add(firstTick);
                BenchContext.Progress($"SIGKILL leader, round {round + 1}: lease taken after {lease:F3} s, first tick after {firstTick:F3} s");
            }

            var handovers = new List<double>();
            var handoverTicks = new List<double>();
            for (var round = 0; round < (context.Quick ? 2 : 5); round++)
            {
                var (lease, firstTick) = await HandOverAsync(watch, replicas, random, graceful: true);
                handovers.Add(lease);
                handoverTicks.Add(firstTick);
                BenchContext.Progress($"SIGTERM leader, round {round + 1}: lease taken after {lease:F3} s, first tick after {firstTick:F3} s");
            }

            return
            [
                new("failover_p50_s", Percentiles.Of(failovers, 50), "s"),
                new("failover_max_s", failovers.Max(), "s"),
                new("failover_lease_p50_s", Percentiles.Of(leases, 50), "s"),
                new("handover_graceful_s", Percentiles.Of(handovers, 50), "s"),
                new("handover_graceful_max_s", handovers.Max(), "s"),
                new("handover_first_tick_p50_s", Percentiles.Of(handoverTicks, 50), "s"),
            ];
        }
        finally
        {
            replicas.ForEach(r => r.Dispose());
        }
    }

    // Stops the leader (SIGKILL or SIGTERM) at a random phase, times the new holder's lease write and its first
    // publication from the signal, then restarts the stopped replica so every round starts with three.
    private static async Task<(double Lease, double FirstTick)> HandOverAsync(CalendarLeaderWatch watch, List<ServiceReplica> replicas, Random random, bool graceful)
    {
        await watch.WaitForTickAsync(Stopwatch.GetTimestamp(), TimeSpan.FromSeconds(10));
        await Task.Delay(random.Next(0, 1000));
        var holder = watch.Holder ?? throw new InvalidOperationException("No replica holds the lease.");
        var leader = replicas.Single(r => r.Name == holder);
        var stoppedAt = Stopwatch.GetTimestamp();
        if (graceful)
        {
            leader.Terminate();
        }
        else
        {
            leader.Kill();
        }

        var (takenAt, _) = await watch.WaitForNewHolderAsync(holder, stoppedAt, TimeSpan.FromSeconds(30));
        var tickAt = await watch.WaitForTickAsync(takenAt - (long)(StampSkew.TotalSeconds * Stopwatch.Frequency), TimeSpan.FromSeconds(10));
        await leader.WaitForExitAsync(TimeSpan.FromSeconds(20));
        await leader.StartAsync(ReadyWithin);
        await Task.Delay(1000);
        return (Stopwatch.GetElapsedTime(stoppedAt, takenAt).TotalSeconds, Stopwatch.GetElapsedTime(stoppedAt, tickAt).TotalSeconds);
    }

    private static async Task<ulong> StoredAsync(EventBusClient bus) =>
        (await bus.JetStream.GetStreamInfoAsync(ArgoWireNames.StreamName)).State.LastSequence;

    private TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(context.Quick ? Math.Max(1, seconds / 5) : seconds);
}
