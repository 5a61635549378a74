using System.Diagnostics;
using ArgoEvents.EventBus.LeaderElection;
using Xunit;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

/// <summary>
/// The election scenarios every lease backend must pass, driven through <see cref="IElectionBackend"/>. The time
/// limits asserted are the product's requirements (crash failover within 2 s, graceful handover under 0.5 s) and the
/// fencing rule (a leader that cannot renew stops within its renew deadline); every other wait is a generous bound.
/// </summary>
internal static class ElectionScenarios
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    /// <summary>Slack for the test's own scheduling on a busy 2-core machine, added to spec deadlines measured from outside.</summary>
    private static readonly TimeSpan SchedulingSlack = TimeSpan.FromMilliseconds(250);

    public static async Task ExactlyOneOfThreeLeadsAsync(IElectionBackend backend)
    {
        var monitor = new WorkOverlapMonitor();
        var candidates = await StartAsync(backend, monitor, "replica-a", "replica-b", "replica-c");
        try
        {
            var leader = await WaitForSingleLeaderAsync(candidates, Generous);

            // For two lease durations: the same leader throughout, nobody else.
            var until = Stopwatch.GetTimestamp() + Ticks(backend.Timing.LeaseDuration * 2);
            while (Stopwatch.GetTimestamp() < until)
            {
                Assert.True(leader.Elector.IsLeader, $"{leader.Identity} lost its lease while healthy");
                Assert.DoesNotContain(candidates, c => c != leader && c.Elector.IsLeader);
                await Task.Delay(10);
            }

            await EventuallyAsync(() => candidates.All(c => c.Elector.State.LeaderIdentity == leader.Identity), "every candidate to know the leader");
            Assert.Single(leader.Gains);
            Assert.Empty(leader.Losses);
            Assert.All(candidates.Where(c => c != leader), c => Assert.Empty(c.Gains));
            Assert.Equal(1, monitor.Entries);
            Assert.True(leader.IsWorking);
        }
        finally
        {
            await DisposeAllAsync(candidates);
        }
    }

    public static async Task CrashedLeaderIsReplacedWithinTwoSecondsAsync(IElectionBackend backend)
    {
        var monitor = new WorkOverlapMonitor();
        var candidates = await StartAsync(backend, monitor, "replica-a", "replica-b", "replica-c");
        try
        {
            var leader = await WaitForSingleLeaderAsync(candidates, Generous);
            var crashedAt = Stopwatch.GetTimestamp();
            await leader.CrashAsync();

            var successor = await WaitForSingleLeaderAsync(candidates.Where(c => c != leader).ToList(), Generous);
            var gainedAt = successor.Gains.Last().At;
            var failover = Stopwatch.GetElapsedTime(crashedAt, gainedAt);
            Assert.True(failover <= TimeSpan.FromSeconds(2), $"crash failover took {failover.TotalMilliseconds:F0} ms; the requirement is 2 s");

            // The old leader fenced itself and its work stopped before the successor started.
            var loss = Assert.Single(leader.Losses);
            Assert.Equal(LeadershipLossReason.Fenced, loss.Reason);
            Assert.True(loss.At < gainedAt, "the crashed leader fenced itself only after the successor had started");
            Assert.False(leader.IsWorking);
            Assert.True(leader.WorkStoppedAt < gainedAt, "the crashed leader's work was still running when the successor started");
            Assert.False(leader.Elector.IsLeader);
            Assert.True(monitor.Overlaps == 0, Timeline(candidates));
        }
        finally
        {
            await DisposeAllAsync(candidates);
        }
    }

    public static async Task GracefulResignHandsOverInUnderHalfASecondAsync(IElectionBackend backend)
    {
        var monitor = new WorkOverlapMonitor();
        var candidates = await StartAsync(backend, monitor, "replica-a", "replica-b", "replica-c");
        try
        {
            var leader = await WaitForSingleLeaderAsync(candidates, Generous);
            var resignedAt = Stopwatch.GetTimestamp();
            await leader.Elector.ResignAsync();
            await leader.Run.WaitAsync(Generous);

            var successor = await WaitForSingleLeaderAsync(candidates.Where(c => c != leader).ToList(), Generous);
            var handover = Stopwatch.GetElapsedTime(resignedAt, successor.Gains.Last().At);
            Assert.True(handover < TimeSpan.FromMilliseconds(500), $"graceful handover took {handover.TotalMilliseconds:F0} ms; the requirement is under 0.5 s");
            Assert.Equal(LeadershipLossReason.Resigned, Assert.Single(leader.Losses).Reason);
            Assert.True(leader.WorkStoppedAt < successor.Gains.Last().At);
            Assert.False(leader.Elector.IsLeader);
            Assert.True(monitor.Overlaps == 0, Timeline(candidates));
        }
        finally
        {
            await DisposeAllAsync(candidates);
        }
    }

    public static async Task ForeignWriteEndsTheTermAtOnceAsync(IElectionBackend backend)
    {
        var monitor = new WorkOverlapMonitor();
        var candidates = await StartAsync(backend, monitor, "replica-a", "replica-b", "replica-c");
        try
        {
            var leader = await WaitForSingleLeaderAsync(candidates, Generous);
            var overwrittenAt = Stopwatch.GetTimestamp();
            await backend.OverwriteLeaseAsync("intruder");

            await EventuallyAsync(() => !leader.Losses.IsEmpty, "the leader to notice the foreign write");
            var loss = Assert.Single(leader.Losses);
            Assert.Equal(LeadershipLossReason.TakenOver, loss.Reason);
            var noticed = Stopwatch.GetElapsedTime(overwrittenAt, loss.At);
            Assert.True(noticed < backend.Timing.RenewDeadline, $"the leader noticed after {noticed.TotalMilliseconds:F0} ms, not before its renew deadline: that was fencing, not the conflict");
            await EventuallyAsync(() => !leader.IsWorking, "the deposed leader's work to stop");

            // The intruder's lease is fresh: nobody may claim it before it stood still for a lease duration.
            var respectUntil = overwrittenAt + Ticks(backend.Timing.LeaseDuration * 0.8);
            while (Stopwatch.GetTimestamp() < respectUntil)
            {
                Assert.DoesNotContain(candidates, c => c.Elector.IsLeader);
                await Task.Delay(10);
            }

            // The intruder never renews, so a candidate takes the lease over.
            await WaitForSingleLeaderAsync(candidates, Generous);
            Assert.True(monitor.Overlaps == 0, Timeline(candidates));
        }
        finally
        {
            await DisposeAllAsync(candidates);
        }
    }

    public static async Task LeaderThatCannotRenewFencesWithinTheRenewDeadlineAsync(IElectionBackend backend)
    {
        var monitor = new WorkOverlapMonitor();
        var candidates = await StartAsync(backend, monitor, "replica-a", "replica-b", "replica-c");
        try
        {
            var leader = await WaitForSingleLeaderAsync(candidates, Generous);
            long frozenAt;
            try
            {
                frozenAt = Stopwatch.GetTimestamp();
                backend.Freeze();

                await EventuallyAsync(() => !leader.Losses.IsEmpty, "the leader to fence itself");
                var loss = Assert.Single(leader.Losses);
                Assert.Equal(LeadershipLossReason.Fenced, loss.Reason);

                // Its last successful renewal was sent before the freeze, so the fence is due within the deadline of it.
                var fencedAfter = Stopwatch.GetElapsedTime(frozenAt, loss.At);
                var limit = backend.Timing.RenewDeadline + SchedulingSlack;
                Assert.True(fencedAfter <= limit, $"fenced {fencedAfter.TotalMilliseconds:F0} ms into the outage; the renew deadline is {backend.Timing.RenewDeadline.TotalMilliseconds:F0} ms");
                await EventuallyAsync(() => !leader.IsWorking, "the fenced leader's work to stop");

                // While the server is unreachable nobody can win the lease.
                var until = Stopwatch.GetTimestamp() + Ticks(backend.Timing.LeaseDuration);
                while (Stopwatch.GetTimestamp() < until)
                {
                    Assert.DoesNotContain(candidates, c => c.Elector.IsLeader);
                    await Task.Delay(10);
                }
            }
            finally
            {
                backend.Thaw();
            }

            // Back in the race: once the server answers again someone leads.
            await WaitForSingleLeaderAsync(candidates, Generous);
            Assert.True(monitor.Overlaps == 0, Timeline(candidates));
        }
        finally
        {
            backend.Thaw();
            await DisposeAllAsync(candidates);
        }
    }

    public static async Task NeverTwoLeadersAcrossHandoversAsync(IElectionBackend backend)
    {
        var monitor = new WorkOverlapMonitor();
        var candidates = await StartAsync(backend, monitor, "replica-a", "replica-b", "replica-c");
        var gate = new Lock();
        List<ILeaderElector> Electors()
        {
            lock (gate)
            {
                return [.. candidates.Select(c => c.Elector)];
            }
        }

        try
        {
            var sampler = new SingleLeaderSampler(Electors);
            await using (sampler)
            {
                for (var round = 0; round < 6; round++)
                {
                    List<Candidate> live;
                    lock (gate)
                    {
                        live = [.. candidates.Where(c => !c.Crashed)];
                    }

                    var leader = await WaitForSingleLeaderAsync(live, Generous);
                    if (round % 2 == 0)
                    {
                        // Graceful: resign, then rejoin the race as a follower.
                        await leader.Elector.ResignAsync();
                        await leader.Run.WaitAsync(Generous);
                        leader.Start();
                    }
                    else
                    {
                        // Crash, and a fresh replica takes the crashed one's place.
                        await leader.CrashAsync();
                        var replacement = await backend.StartCandidateAsync($"replica-{round}", monitor);
                        lock (gate)
                        {
                            candidates.Add(replacement);
                        }
                    }
                }

                List<Candidate> survivors;
                lock (gate)
                {
                    survivors = [.. candidates.Where(c => !c.Crashed)];
                }

                await WaitForSingleLeaderAsync(survivors, Generous);
            }

            Assert.True(sampler.Samples > 500, $"only {sampler.Samples} samples were taken");
            Assert.True(sampler.Violations == 0, $"{sampler.Violations} samples saw two leaders at once, first: {sampler.FirstViolation}");
            Assert.True(monitor.Overlaps == 0, Timeline(candidates));
            Assert.True(monitor.Entries >= 7, $"only {monitor.Entries} terms ran; the handovers did not happen");
            var tokens = candidates.SelectMany(c => c.Gains).Select(g => g.FencingToken).ToList();
            Assert.Equal(tokens.Count, tokens.Distinct().Count());
        }
        finally
        {
            await DisposeAllAsync(candidates);
        }
    }

    public static async Task<List<Candidate>> StartAsync(IElectionBackend backend, WorkOverlapMonitor monitor, params string[] identities)
    {
        var candidates = new List<Candidate>();
        foreach (var identity in identities)
        {
            candidates.Add(await backend.StartCandidateAsync(identity, monitor));
        }

        return candidates;
    }

    public static async Task<Candidate> WaitForSingleLeaderAsync(IReadOnlyList<Candidate> candidates, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var leaders = candidates.Where(c => c.Elector.IsLeader).ToList();
            if (leaders.Count == 1)
            {
                return leaders[0];
            }

            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                Assert.Fail($"no single leader among {string.Join(", ", candidates.Select(c => c.Identity))} within {limit}; leading: [{string.Join(", ", leaders.Select(c => c.Identity))}]");
            }

            await Task.Delay(5);
        }
    }

    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > Generous)
            {
                Assert.Fail($"timed out waiting for {what}");
            }

            await Task.Delay(5);
        }
    }

    public static async Task DisposeAllAsync(IEnumerable<Candidate> candidates)
    {
        foreach (var candidate in candidates.ToList())
        {
            await candidate.DisposeAsync();
        }
    }

    /// <summary>Every gain and loss of every candidate in time order, for failure messages.</summary>
    public static string Timeline(IEnumerable<Candidate> candidates)
    {
        var origin = candidates.SelectMany(c => c.Gains.Select(g => g.At)).DefaultIfEmpty(0).Min();
        var events = candidates
            .SelectMany(c => c.Gains.Select(g => (g.At, Text: $"{c.Identity} gained (token {g.FencingToken})"))
                .Concat(c.Losses.Select(l => (l.At, Text: $"{c.Identity} lost ({l.Reason})")))
                .Concat(c.WorkStoppedAt == 0 ? [] : [(At: c.WorkStoppedAt, Text: $"{c.Identity} work stopped (last)")]))
            .OrderBy(e => e.At)
            .Select(e => $"{Stopwatch.GetElapsedTime(origin, e.At).TotalMilliseconds,8:F1} ms  {e.Text}");
        return "work overlapped; timeline:\n" + string.Join("\n", events);
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
