using System.Diagnostics;
using System.Text.Json;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Services;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// One queue EventSource under failover: three replica processes on the 3-node bus, the lease watched, the event
/// subject counted as published and as stored. <see cref="RunAsync"/> sends numbered messages at a steady pace, kills
/// the leader once a third of them are stored, sends the rest, and waits for the stream to hold every number.
/// </summary>
internal sealed class QueueFailoverRun : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NewLeaderDeadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(90);

    // Events a slow replica publishes after the last number showed up would be duplicates: the run keeps watching this long.
    private static readonly TimeSpan StragglerWait = TimeSpan.FromSeconds(3);

    private readonly BusProbe _probe;

    private QueueFailoverRun(BusProbe probe, ServiceProcessReplicas replicas, LeaseObserver lease, NumberedEventTally stored, PublicationCounter published)
    {
        _probe = probe;
        Replicas = replicas;
        Lease = lease;
        Stored = stored;
        Published = published;
    }

    public ServiceProcessReplicas Replicas { get; }

    public LeaseObserver Lease { get; }

    public NumberedEventTally Stored { get; }

    public PublicationCounter Published { get; }

    /// <summary>
    /// Starts three replicas of <paramref name="manifest"/> (EventSource <paramref name="name"/> with the one event
    /// <paramref name="eventName"/>), waits for a leader and starts counting the event's subject;
    /// <paramref name="numberOf"/> reads the message number from an event's data.
    /// </summary>
    public static async Task<QueueFailoverRun> StartAsync(
        NatsClusterFixture bus,
        string name,
        string eventName,
        string manifest,
        Func<JsonElement, int> numberOf,
        Func<ServiceProcessOptions, ServiceProcessOptions>? configure = null)
    {
        var subject = $"default.{name}.{eventName}";
        var probe = await BusProbe.ConnectAsync(string.Join(",", bus.ClientUrls));
        var started = new Stack<IAsyncDisposable>([probe]);
        try
        {
            var published = await PublicationCounter.StartAsync(probe.Bus.Connection, subject);
            started.Push(published);
            var replicas = await ServiceProcessReplicas.StartEventSourcesAsync(name, manifest, bus.ClientUrls, 3, configure: configure);
            started.Push(replicas);
            var lease = await LeaseObserver.StartAsync(probe.Bus, name, StartDeadline);
            started.Push(lease);
            await lease.WaitForHolderAsync(StartDeadline);
            var stored = await NumberedEventTally.StartAsync(probe.Bus, subject, numberOf, StartDeadline);
            started.Push(stored);
            return new QueueFailoverRun(probe, replicas, lease, stored, published);
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

    /// <summary>Waits until the lease holder's log shows <paramref name="marker"/>: its source is connected and reading.</summary>
    public async Task WaitForLeaderLogAsync(string marker)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(StartDeadline.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (Lease.Holder is { } holder && Replicas[holder].Log.Snapshot().Any(line => line.Contains(marker, StringComparison.Ordinal)))
            {
                return;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"The leader never logged '{marker}' within {StartDeadline.TotalSeconds:0} s.{Environment.NewLine}{Describe()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Sends <paramref name="count"/> numbered messages at <paramref name="perSecond"/> through
    /// <paramref name="publisher"/>, SIGKILLs the leader once a third of them are stored, keeps sending, and waits until
    /// every number is stored (or the drain deadline passed) plus a little for stragglers. The successor's log lines
    /// containing <paramref name="successorNote"/> go into the outcome.
    /// </summary>
    public async Task<QueueFailoverOutcome> RunAsync(INumberedPublisher publisher, int count, int perSecond, string? successorNote = null)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = Stopwatch.GetTimestamp();
        var signalling = new BatchSignallingPublisher(publisher);
        var publishing = PacedPublishing.RunAsync(signalling, count, perSecond, abort.Token);
        try
        {
            await WaitForStoredAsync(count / 3, publishing);

            // Right after the broker took a batch the leader is busy with it: the kill then most likely finds messages read and unsettled.
            await signalling.NextBatchAsync().WaitAsync(StartDeadline, abort.Token);
            var leader = Replicas[Lease.Holder ?? throw new InvalidOperationException($"No replica holds the lease.{Environment.NewLine}{Describe()}")];
            var storedAtKill = Stored.Distinct;
            var sentAtKill = signalling.Sent;
            var killedAt = Stopwatch.GetTimestamp();
            leader.Kill();
            var successor = await Lease.WaitForAsync(c => c.Holder is not null && c.Holder != leader.Name, killedAt, NewLeaderDeadline);

            var publishDuration = await publishing;
            await Stored.WaitForDistinctAsync(count, DrainDeadline, abort.Token);
            var duration = Stopwatch.GetElapsedTime(started, Stored.LastStoredTimestamp);
            await Task.Delay(StragglerWait, abort.Token);
            return new QueueFailoverOutcome(
                leader.Name,
                successor.Holder!,
                Stopwatch.GetElapsedTime(killedAt, successor.Timestamp),
                storedAtKill,
                sentAtKill,
                publishDuration,
                duration,
                Published.Count,
                Stored.Audit(count),
                successorNote is null ? [] : [.. Replicas[successor.Holder!].Log.Snapshot().Where(line => line.Contains(successorNote, StringComparison.Ordinal))]);
        }
        finally
        {
            await abort.CancelAsync();
            try
            {
                await publishing;
            }
            catch (Exception)
            {
                // Either the run already awaited it (and threw what it threw) or the run failed for another reason, which is the one to report.
            }
        }
    }

    /// <summary>The lease history and every replica's log tail, for assertion messages.</summary>
    public string Describe() => $"lease:{Environment.NewLine}{Lease.Describe()}{Environment.NewLine}replicas:{Environment.NewLine}{Replicas.Describe(40)}";

    public async ValueTask DisposeAsync()
    {
        await Stored.DisposeAsync();
        await Lease.DisposeAsync();
        await Replicas.DisposeAsync();
        await Published.DisposeAsync();
        await _probe.DisposeAsync();
    }

    private async Task WaitForStoredAsync(int count, Task publishing)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(StartDeadline.TotalSeconds * Stopwatch.Frequency);
        while (Stored.Distinct < count)
        {
            if (publishing.IsFaulted)
            {
                await publishing;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Only {Stored.Distinct} of the first {count} messages were stored within {StartDeadline.TotalSeconds:0} s.{Environment.NewLine}{Describe()}");
            }

            await Task.Delay(5);
        }
    }
}
