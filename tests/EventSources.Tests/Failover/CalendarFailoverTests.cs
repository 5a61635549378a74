using System.Diagnostics;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// A calendar EventSource ticking every second, three replicas as separate processes on a 3-node bus: only the lease
/// holder ticks. Killing or stopping the leader must hand the schedule over within the product's deadlines, and over
/// the whole run every scheduled tick from the first to the last must be stored in the stream exactly once.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class CalendarFailoverTests(NatsClusterFixture bus)
{
    private const string EventName = "everysecond";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan NewLeaderDeadline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HandoverDeadline = TimeSpan.FromSeconds(0.5);

    [Fact]
    public async Task Killing_the_leader_twice_gets_a_new_leader_ticking_within_2_s_each_time_and_no_tick_is_lost_or_doubled()
    {
        await using var run = await CalendarRun.StartAsync(bus, "ticker-kill", Manifest("ticker-kill"));
        var failovers = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            await run.WaitForTicksAsync(2);
            await Task.Delay(PhaseOf(round));
            var leader = run.Replicas[run.Lease.Holder!];
            var killedAt = Stopwatch.GetTimestamp();
            leader.Kill();

            var successor = await run.Lease.WaitForAsync(c => c.Holder is not null && c.Holder != leader.Name, killedAt, TimeSpan.FromSeconds(10));
            var firstTick = await run.FirstTickOfAsync(successor);
            var toLease = Stopwatch.GetElapsedTime(killedAt, successor.Timestamp);
            var toTick = Stopwatch.GetElapsedTime(killedAt, firstTick.Timestamp);
            failovers.Add($"killed {leader.Name}: {successor.Holder} held the lease after {toLease.TotalSeconds:F3} s and published {firstTick.Scheduled:HH:mm:ss} after {toTick.TotalSeconds:F3} s");
            TestContext.Current.TestOutputHelper?.WriteLine(failovers[^1]);
            Assert.True(toTick < NewLeaderDeadline, $"{failovers[^1]}; deadline {NewLeaderDeadline.TotalSeconds} s.{Environment.NewLine}{run.Describe()}");
        }

        await run.WaitForTicksAsync(2);
        var audit = await run.AuditStreamAsync();
        Assert.True(audit.IsExact, $"{audit}{Environment.NewLine}{string.Join(Environment.NewLine, failovers)}{Environment.NewLine}{run.Describe()}");
        Assert.True(audit.Count >= 6, $"Too short a run to prove anything: {audit}");
    }

    [Fact]
    public async Task Stopping_the_leader_with_SIGTERM_hands_the_lease_over_in_under_half_a_second_and_no_tick_is_lost_or_doubled()
    {
        await using var run = await CalendarRun.StartAsync(bus, "ticker-term", Manifest("ticker-term"));
        var handovers = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            await run.WaitForTicksAsync(2);
            await Task.Delay(PhaseOf(round));
            var leader = run.Replicas[run.Lease.Holder!];
            var terminatedAt = Stopwatch.GetTimestamp();
            leader.Terminate();

            var successor = await run.Lease.WaitForAsync(c => c.Holder is not null && c.Holder != leader.Name, terminatedAt, TimeSpan.FromSeconds(10));
            var firstTick = await run.FirstTickOfAsync(successor);
            var toLease = Stopwatch.GetElapsedTime(terminatedAt, successor.Timestamp);
            var toTick = Stopwatch.GetElapsedTime(terminatedAt, firstTick.Timestamp);
            handovers.Add($"SIGTERM to {leader.Name}: {successor.Holder} held the lease after {toLease.TotalSeconds:F3} s and published {firstTick.Scheduled:HH:mm:ss} after {toTick.TotalSeconds:F3} s");
            TestContext.Current.TestOutputHelper?.WriteLine(handovers[^1]);
            Assert.True(toLease < HandoverDeadline, $"{handovers[^1]}; deadline {HandoverDeadline.TotalSeconds} s.{Environment.NewLine}{run.Lease.Describe()}{Environment.NewLine}{run.Describe()}");

            // The successor has nothing to catch up on, so its first tick is the next one due: within one interval.
            Assert.True(toTick < Interval + HandoverDeadline, $"{handovers[^1]}.{Environment.NewLine}{run.Describe()}");
            Assert.Equal(0, await leader.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        }

        await run.WaitForTicksAsync(2);
        var audit = await run.AuditStreamAsync();
        Assert.True(audit.IsExact, $"{audit}{Environment.NewLine}{string.Join(Environment.NewLine, handovers)}{Environment.NewLine}{run.Describe()}");
        Assert.True(audit.Count >= 6, $"Too short a run to prove anything: {audit}");
    }

    // The first round stops the leader right after a tick was published, while it records the tick in KV; the
    // second halfway between two ticks.
    private static TimeSpan PhaseOf(int round) => round == 0 ? TimeSpan.Zero : Interval / 2;

    private static string Manifest(string name) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: {name}
        spec:
          calendar:
            {EventName}:
              interval: 1s
              persistence:
                catchup:
                  enabled: true
                  maxDuration: 5m
        """;
}
