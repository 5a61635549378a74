using System.Diagnostics;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Services;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// One calendar EventSource run for a failover test: three replica processes, the lease watched, the publications
/// timed, and the stream read back at the end.
/// </summary>
internal sealed class CalendarRun : IAsyncDisposable
{
    // Two deliveries on one connection can be stamped a little out of order by the two reader tasks, so the
    // successor's first publication is looked for from shortly before its lease write was seen. The old leader's
    // last tick is a whole lease duration older, so it cannot be mistaken for it.
    private static readonly TimeSpan StampSkew = TimeSpan.FromMilliseconds(20);

    private readonly string _name;
    private readonly string _eventName;
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1);
    private readonly BusProbe _probe;

    private CalendarRun(string name, string eventName, BusProbe probe, ServiceProcessReplicas replicas, TickObserver ticks, LeaseObserver lease)
    {
        _name = name;
        _eventName = eventName;
        _probe = probe;
        Replicas = replicas;
        Ticks = ticks;
        Lease = lease;
    }

    public ServiceProcessReplicas Replicas { get; }

    public TickObserver Ticks { get; }

    public LeaseObserver Lease { get; }

    /// <summary>Starts the replicas of <paramref name="manifest"/> (EventSource <paramref name="name"/>) and waits for a leader.</summary>
    public static async Task<CalendarRun> StartAsync(NatsClusterFixture bus, string name, string manifest, string eventName = "everysecond", int replicaCount = 3)
    {
        var probe = await BusProbe.ConnectAsync(string.Join(",", bus.ClientUrls));
        var started = new Stack<IAsyncDisposable>([probe]);
        try
        {
            var ticks = await TickObserver.StartAsync(probe.Bus.Connection, name);
            started.Push(ticks);
            var replicas = await ServiceProcessReplicas.StartEventSourcesAsync(name, manifest, bus.ClientUrls, replicaCount);
            started.Push(replicas);
            var lease = await LeaseObserver.StartAsync(probe.Bus, name, TimeSpan.FromSeconds(15));
            started.Push(lease);
            var run = new CalendarRun(name, eventName, probe, replicas, ticks, lease);
            await lease.WaitForHolderAsync(TimeSpan.FromSeconds(15));
            return run;
        }
        catch
        {
            while (started.TryPop(out var resource))
            {
                await resource.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Waits for <paramref name="count"/> more publications from now.</summary>
    public Task<ObservedTick> WaitForTicksAsync(int count) =>
        Ticks.WaitForCountAsync(Stopwatch.GetTimestamp(), count, TimeSpan.FromSeconds(count + 3));

    /// <summary>The first publication of the leader whose lease write is <paramref name="successor"/>.</summary>
    public Task<ObservedTick> FirstTickOfAsync(LeaseChange successor) =>
        Ticks.WaitForAsync(successor.Timestamp - (long)(StampSkew.TotalSeconds * Stopwatch.Frequency), TimeSpan.FromSeconds(5));

    /// <summary>Audits the scheduled times of every event the stream kept for this run's calendar event.</summary>
    public async Task<TickAudit> AuditStreamAsync()
    {
        var stored = await _probe.ReadAllAsync($"default.{_name}.{_eventName}");
        return TickAudit.Of(stored.Select(e => CalendarEventTime.FromPayload(e.Event.Data)), _interval);
    }

    /// <summary>The lease history and every replica's log tail, for assertion messages.</summary>
    public string Describe() => $"lease:{Environment.NewLine}{Lease.Describe()}{Environment.NewLine}replicas:{Environment.NewLine}{Replicas.Describe()}";

    public async ValueTask DisposeAsync()
    {
        await Lease.DisposeAsync();
        await Ticks.DisposeAsync();
        await Replicas.DisposeAsync();
        await _probe.DisposeAsync();
    }
}
