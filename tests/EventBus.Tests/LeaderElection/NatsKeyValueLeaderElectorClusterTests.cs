using System.Diagnostics;
using ArgoEvents.EventBus.LeaderElection;
using ArgoEvents.Testing.Fixtures;
using Xunit;
using static ArgoEvents.EventBus.Tests.LeaderElection.ElectionScenarios;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

[Collection(LeaderElectionCollection.Name)]
public sealed class NatsKeyValueLeaderElectorClusterTests(NatsClusterFixture cluster) : IClassFixture<NatsClusterFixture>
{
    /// <summary>
    /// Each graceful handover makes the two followers race for the released lease on an R3 stream, where nats-server
    /// 2.9 lets racing per-key compare-and-set writes all succeed; the elector's claims must still admit one winner.
    /// </summary>
    [Fact]
    public async Task On_a_three_node_cluster_racing_followers_never_both_win_and_a_crash_fails_over_within_2s()
    {
        await using var backend = new NatsElectionBackend(
            cluster.ClientUrls, "sensor-cluster", new NatsLeaseBucketOptions { BucketPrefix = "argo-events-lease-r3", Replicas = 3 }, () => []);
        var monitor = new WorkOverlapMonitor();

        // One candidate per node.
        var candidates = await StartAsync(backend, monitor, "node-1-pod", "node-2-pod", "node-3-pod");
        try
        {
            var sampler = new SingleLeaderSampler(() => [.. candidates.Select(c => c.Elector)]);
            Candidate leader;
            await using (sampler)
            {
                leader = await WaitForSingleLeaderAsync(candidates, TimeSpan.FromSeconds(30));
                await EventuallyAsync(() => candidates.All(c => c.Elector.State.LeaderIdentity == leader.Identity), "every node's candidate to know the leader");

                for (var handover = 0; handover < 5; handover++)
                {
                    var resignedAt = Stopwatch.GetTimestamp();
                    await leader.Elector.ResignAsync();
                    await leader.Run.WaitAsync(TimeSpan.FromSeconds(15));
                    var successor = await WaitForSingleLeaderAsync(candidates.Where(c => c != leader).ToList(), TimeSpan.FromSeconds(15));
                    var took = Stopwatch.GetElapsedTime(resignedAt, successor.Gains.Last().At);
                    Assert.True(took < TimeSpan.FromMilliseconds(500), $"graceful handover {handover} on the cluster took {took.TotalMilliseconds:F0} ms");

                    // Give a second winner of the race time to show itself before the next round.
                    await Task.Delay(100);
                    Assert.True(monitor.Overlaps == 0, Timeline(candidates));
                    leader.Start();
                    leader = successor;
                }

                var crashedAt = Stopwatch.GetTimestamp();
                await leader.CrashAsync();
                var next = await WaitForSingleLeaderAsync(candidates.Where(c => c != leader).ToList(), TimeSpan.FromSeconds(15));
                var gainedAt = next.Gains.Last().At;
                var failover = Stopwatch.GetElapsedTime(crashedAt, gainedAt);
                Assert.True(failover <= TimeSpan.FromSeconds(2), $"crash failover on the cluster took {failover.TotalMilliseconds:F0} ms");
                var fenced = leader.Losses.Last();
                Assert.Equal(LeadershipLossReason.Fenced, fenced.Reason);
                Assert.True(fenced.At < gainedAt);
            }

            Assert.True(sampler.Violations == 0, $"{sampler.Violations} samples saw two leaders at once, first: {sampler.FirstViolation}");
            Assert.True(monitor.Overlaps == 0, Timeline(candidates));
            var tokens = candidates.SelectMany(c => c.Gains).Select(g => g.FencingToken).ToList();
            Assert.Equal(7, tokens.Count);
            Assert.Equal(tokens.Count, tokens.Distinct().Count());
        }
        finally
        {
            await DisposeAllAsync(candidates);
        }
    }
}
