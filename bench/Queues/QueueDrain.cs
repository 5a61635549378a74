using System.Diagnostics;
using ArgoEvents.Testing.Services;

namespace ArgoEvents.Bench.Queues;

/// <summary>
/// One measured drain: a broker already holds the messages, then the EventSource service starts as its own process
/// (the shipped binary and settings, as in the eventsources suite) and its source runs until every message is stored
/// on the bus. The first fifth of the events is warm-up (the new process JIT-compiles its hot paths meanwhile); the clock and the CPU meters run over the rest. The service
/// stops again before this returns.
/// </summary>
public sealed class QueueDrain(IReadOnlyList<string> busUrls, int streamReplicas, StoredEventsWatch watch, IReadOnlyList<int> natsPids, string directory)
{
    private const int WarmUpShare = 5;
    private static readonly TimeSpan DrainWithin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Starts the service for <paramref name="manifestYaml"/>, waits for <paramref name="count"/> stored events, then for
    /// <paramref name="settled"/> (the broker saw every message settled: acknowledged, nothing pending) before it stops.
    /// </summary>
    public async Task<QueueDrainResult> RunAsync(string what, string name, string manifestYaml, int count, IReadOnlyList<int> brokerPids, Func<Task> settled)
    {
        var manifest = Path.Combine(directory, name + ".yaml");
        await File.WriteAllTextAsync(manifest, manifestYaml);
        var from = await watch.LastSequenceAsync();
        await using var service = new ServiceProcess(ServiceProcessOptions.ForEventSource(manifest, busUrls, name + "-0") with
        {
            StreamReplicas = streamReplicas,
            ReadyTimeout = ReadyWithin,
            ShutdownGracePeriod = "5s",
        });
        ProcessCpu? atMark = null;
        var startedAt = Stopwatch.GetTimestamp();
        var starting = service.StartAsync();
        var draining = watch.WaitForAsync(from, count, count / WarmUpShare, startedAt, () => atMark = ProcessCpu.Take(service.Pid, natsPids, brokerPids), DrainWithin);
        await Task.WhenAny(starting, draining);
        await starting;
        var events = await draining;
        var cpu = ProcessCpu.Take(service.Pid, natsPids, brokerPids) - atMark!;
        await settled().WaitAsync(TimeSpan.FromSeconds(60));
        service.Terminate();
        await service.WaitForExitAsync(TimeSpan.FromSeconds(20));
        if (service.ExitCode is not 0)
        {
            throw new InvalidOperationException($"{what}: the service exited with code {service.ExitCode}:{Environment.NewLine}{service.LogTail()}");
        }

        var measured = (int)(count - events.MarkCount);
        BenchContext.Progress(
            $"{what}: {count:N0} messages on the bus at {events.PerSecond:N0} msgs/s after the first fifth ({events.PerSecondFromFirst:N0}/s from the first, "
            + $"{events.PerSecondWithStart:N0}/s with the {events.StartSeconds:F2} s service start); {cpu.Describe(measured, events.Measured)}");
        return new QueueDrainResult(events, cpu, measured);
    }
}

/// <summary>What one drain measured: the timings, and the CPU each party used over the <see cref="Measured"/> events timed.</summary>
public sealed record QueueDrainResult(StoredEvents Events, ProcessCpu Cpu, int Measured)
{
    public double PerSecond => Events.PerSecond;
}
