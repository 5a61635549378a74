using System.Diagnostics;
using ArgoEvents.Testing.Nats;

namespace ArgoEvents.Bench.EventSources;

/// <summary>CPU time used so far by the service replica, the nats-servers together, and this (load client) process.</summary>
public sealed record CpuSnapshot(TimeSpan Service, TimeSpan Nats, TimeSpan Client)
{
    public static CpuSnapshot Take(ServiceReplica service, NatsCluster cluster)
    {
        var nats = TimeSpan.Zero;
        foreach (var node in cluster.Nodes)
        {
            using var process = Process.GetProcessById(node.Pid);
            nats += process.TotalProcessorTime;
        }

        using var self = Process.GetCurrentProcess();
        return new CpuSnapshot(service.CpuTime(), nats, self.TotalProcessorTime);
    }

    public static CpuSnapshot operator -(CpuSnapshot after, CpuSnapshot before) =>
        new(after.Service - before.Service, after.Nats - before.Nats, after.Client - before.Client);
}
