using System.Diagnostics;

namespace ArgoEvents.Bench.Queues;

/// <summary>CPU time used so far by the EventSource service, the nats-servers, the broker and this (counting) process.</summary>
public sealed record ProcessCpu(TimeSpan Service, TimeSpan Nats, TimeSpan Broker, TimeSpan Bench)
{
    public static ProcessCpu Take(int servicePid, IReadOnlyList<int> natsPids, IReadOnlyList<int> brokerPids)
    {
        using var self = Process.GetCurrentProcess();
        return new ProcessCpu(Sum([servicePid]), Sum(natsPids), Sum(brokerPids), self.TotalProcessorTime);
    }

    /// <summary>Processes whose command line contains <paramref name="marker"/> (an Erlang VM is found by its Mnesia directory).</summary>
    public static IReadOnlyList<int> PidsMatching(string marker)
    {
        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(marker, StringComparison.Ordinal))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return pids;
    }

    public static ProcessCpu operator -(ProcessCpu after, ProcessCpu before) =>
        new(after.Service - before.Service, after.Nats - before.Nats, after.Broker - before.Broker, after.Bench - before.Bench);

    public double ServiceUs(int events) => Service.TotalMicroseconds / events;

    public double NatsUs(int events) => Nats.TotalMicroseconds / events;

    public double BrokerUs(int events) => Broker.TotalMicroseconds / events;

    public string Describe(int events, TimeSpan wall) =>
        $"CPU per event: service {ServiceUs(events):F1} us, nats-servers {NatsUs(events):F1} us, broker {BrokerUs(events):F1} us, "
        + $"bench (counting) {Bench.TotalMicroseconds / events:F1} us (over {wall.TotalSeconds:F1} s: service {Service / wall:P0}, nats {Nats / wall:P0}, "
        + $"broker {Broker / wall:P0}, bench {Bench / wall:P0} of one core; {Environment.ProcessorCount} cores)";

    private static TimeSpan Sum(IReadOnlyList<int> pids)
    {
        var total = TimeSpan.Zero;
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                total += process.TotalProcessorTime;
            }
            catch (ArgumentException)
            {
                // Gone (an Erlang helper that exited): its time no longer counts either way.
            }
        }

        return total;
    }
}
