using System.Diagnostics;

namespace ArgoEvents.Bench.Sensors;

/// <summary>CPU time used by this process (sensor engine, publisher, receiver) and by the nats-servers, from /proc.</summary>
public sealed class CpuMeter(IReadOnlyList<int> natsPids)
{
    public CpuUse Take()
    {
        var nats = TimeSpan.Zero;
        foreach (var pid in natsPids)
        {
            using var process = Process.GetProcessById(pid);
            nats += process.TotalProcessorTime;
        }

        using var self = Process.GetCurrentProcess();
        return new CpuUse(self.TotalProcessorTime, nats, Stopwatch.GetTimestamp());
    }
}

/// <summary>CPU times at one moment, or between two.</summary>
public sealed record CpuUse(TimeSpan Bench, TimeSpan Nats, long Timestamp)
{
    public static CpuUse operator -(CpuUse after, CpuUse before) =>
        new(after.Bench - before.Bench, after.Nats - before.Nats, after.Timestamp - before.Timestamp);

    public string Describe(int events)
    {
        var wall = TimeSpan.FromSeconds(Timestamp / (double)Stopwatch.Frequency);
        return $"CPU per event: bench process {Bench.TotalMicroseconds / events:F1} us, nats-server(s) {Nats.TotalMicroseconds / events:F1} us "
            + $"(over {wall.TotalSeconds:F1} s: bench {Bench / wall:P0}, nats {Nats / wall:P0} of one core; {Environment.ProcessorCount} cores)";
    }
}
