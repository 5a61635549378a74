using System.Text.Json;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.KeyValue;
using ArgoEvents.EventBus.LeaderElection;
using ArgoEvents.Testing.Fixtures;
using Xunit;
using static ArgoEvents.EventBus.Tests.LeaderElection.ElectionScenarios;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

[Collection(LeaderElectionCollection.Name)]
public sealed class NatsKeyValueLeaderElectorTests(NatsServerFixture server)
{
    private static int _leases;

    [Fact]
    public async Task Exactly_one_of_three_electors_leads()
    {
        await using var backend = Backend();
        await ExactlyOneOfThreeLeadsAsync(backend);
    }

    [Fact]
    public async Task Leader_whose_connection_dies_without_resigning_is_replaced_within_2s_after_fencing_itself()
    {
        await using var backend = Backend();
        await CrashedLeaderIsReplacedWithinTwoSecondsAsync(backend);
    }

    [Fact]
    public async Task Graceful_resign_hands_over_in_under_half_a_second()
    {
        await using var backend = Backend();
        await GracefulResignHandsOverInUnderHalfASecondAsync(backend);
    }

    [Fact]
    public async Task Someone_else_writing_the_key_ends_the_term_at_once()
    {
        await using var backend = Backend();
        await ForeignWriteEndsTheTermAtOnceAsync(backend);
    }

    [Fact]
    public async Task Leader_fences_itself_within_the_renew_deadline_when_the_server_is_frozen()
    {
        await using var backend = Backend();
        await LeaderThatCannotRenewFencesWithinTheRenewDeadlineAsync(backend);
    }

    [Fact]
    public async Task Never_two_leaders_at_once_across_resigns_and_crashes()
    {
        await using var backend = Backend();
        await NeverTwoLeadersAcrossHandoversAsync(backend);
    }

    [Fact]
    public async Task Lease_key_holds_a_holder_acquired_renewed_record_in_a_one_revision_bucket_without_ttl()
    {
        await using var backend = Backend();
        var monitor = new WorkOverlapMonitor();
        var candidates = await StartAsync(backend, monitor, "pod-1");
        try
        {
            var leader = await WaitForSingleLeaderAsync(candidates, TimeSpan.FromSeconds(15));
            await using var connection = await NatsElectionBackend.ConnectAsync(server.ClientUrl);
            var store = await new KeyValueContext(new JetStreamContext(connection)).GetStoreAsync(backend.Bucket.BucketFor(backend.LeaseName));

            // The leader renews every 300 ms: the record's revision moves and its renewed time with it.
            var first = (await store.GetAsync(backend.LeaseName))!;
            var later = first;
            while (later.Revision == first.Revision)
            {
                await Task.Delay(backend.Timing.RenewInterval);
                later = (await store.GetAsync(backend.LeaseName))!;
            }

            using var firstJson = JsonDocument.Parse(first.Value);
            using var laterJson = JsonDocument.Parse(later.Value);
            var stream = await store.GetStreamInfoAsync();

            Assert.Equal("pod-1", firstJson.RootElement.GetProperty("holder").GetString());
            Assert.Equal(firstJson.RootElement.GetProperty("acquired").GetString(), laterJson.RootElement.GetProperty("acquired").GetString());
            Assert.True(laterJson.RootElement.GetProperty("renewed").GetDateTimeOffset() > firstJson.RootElement.GetProperty("renewed").GetDateTimeOffset());
            Assert.True(later.Revision > first.Revision);
            Assert.Equal(leader.Gains.Single().FencingToken, leader.Elector.State.FencingToken);
            Assert.True(ulong.Parse(leader.Elector.State.LeaseRevision!) > leader.Elector.State.FencingToken, "renewals did not move the lease revision");
            Assert.Equal(1, stream.Config.MaxMsgsPerSubject);
            Assert.Equal(TimeSpan.Zero, stream.Config.MaxAge);
            Assert.Equal(1, stream.Config.NumReplicas);
        }
        finally
        {
            await DisposeAllAsync(candidates);
        }
    }

    [Fact]
    public async Task Work_that_returns_releases_the_lease_and_ends_the_campaign()
    {
        await using var backend = Backend();
        await using var connection = await NatsElectionBackend.ConnectAsync(server.ClientUrl);
        await using var finisher = new NatsKeyValueLeaderElector(connection, new LeaderElectionOptions(backend.LeaseName, "finisher", backend.Timing), backend.Bucket);
        var lost = new List<LeadershipLossReason>();
        finisher.LeadershipLost += (_, e) => lost.Add(e.Reason);

        await finisher.RunAsync(_ => Task.CompletedTask).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal([LeadershipLossReason.WorkCompleted], lost);
        Assert.False(finisher.IsLeader);
        await StandbyTakesOverWithoutWaitingForExpiryAsync(backend);
    }

    [Fact]
    public async Task Work_that_throws_releases_the_lease_and_RunAsync_rethrows()
    {
        await using var backend = Backend();
        await using var connection = await NatsElectionBackend.ConnectAsync(server.ClientUrl);
        await using var failing = new NatsKeyValueLeaderElector(connection, new LeaderElectionOptions(backend.LeaseName, "failing", backend.Timing), backend.Bucket);
        var lost = new List<LeadershipLossReason>();
        failing.LeadershipLost += (_, e) => lost.Add(e.Reason);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => failing.RunAsync(_ => throw new InvalidOperationException("source broke")).WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal("source broke", error.Message);
        Assert.Equal([LeadershipLossReason.WorkFailed], lost);
        Assert.False(failing.IsLeader);
        await StandbyTakesOverWithoutWaitingForExpiryAsync(backend);
    }

    [Fact]
    public async Task Cancelling_RunAsync_releases_the_lease_and_throws_OperationCanceledException()
    {
        await using var backend = Backend();
        await using var connection = await NatsElectionBackend.ConnectAsync(server.ClientUrl);
        await using var elector = new NatsKeyValueLeaderElector(connection, new LeaderElectionOptions(backend.LeaseName, "cancelled", backend.Timing), backend.Bucket);
        using var stop = new CancellationTokenSource();
        var working = new TaskCompletionSource();
        var run = elector.RunAsync(
            async token =>
            {
                working.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
            },
            stop.Token);
        await working.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(15)));
        var store = await new KeyValueContext(new JetStreamContext(connection)).GetStoreAsync(backend.Bucket.BucketFor(backend.LeaseName));
        Assert.Null(await store.GetAsync(backend.LeaseName));
        Assert.False(elector.IsLeader);
    }

    [Fact]
    public async Task A_second_concurrent_campaign_on_one_elector_is_refused()
    {
        await using var backend = Backend();
        await using var connection = await NatsElectionBackend.ConnectAsync(server.ClientUrl);
        await using var elector = new NatsKeyValueLeaderElector(connection, new LeaderElectionOptions(backend.LeaseName, "twice", backend.Timing), backend.Bucket);
        var run = elector.RunAsync(token => Task.Delay(Timeout.Infinite, token));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => elector.RunAsync(_ => Task.CompletedTask));

        Assert.Contains(backend.LeaseName, error.Message);
        await elector.ResignAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Lease_name_that_is_not_a_KV_key_is_refused_with_its_name()
    {
        await using var connection = await NatsElectionBackend.ConnectAsync(server.ClientUrl);

        var error = Assert.Throws<ArgumentException>(
            () => new NatsKeyValueLeaderElector(connection, new LeaderElectionOptions("sensor with spaces", "pod", LeaderElectionTiming.NatsKeyValueDefaults)));

        Assert.Contains("sensor with spaces", error.Message);
    }

    /// <summary>A released lease (unlike an abandoned one) is claimed by a newcomer well before a lease duration.</summary>
    private static async Task StandbyTakesOverWithoutWaitingForExpiryAsync(NatsElectionBackend backend)
    {
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var candidates = await StartAsync(backend, new WorkOverlapMonitor(), "standby");
        try
        {
            var standby = await WaitForSingleLeaderAsync(candidates, TimeSpan.FromSeconds(15));
            var waited = System.Diagnostics.Stopwatch.GetElapsedTime(startedAt, standby.Gains.Single().At);
            Assert.True(waited < backend.Timing.LeaseDuration, $"the standby waited {waited.TotalMilliseconds:F0} ms: the lease expired instead of being released");
        }
        finally
        {
            await DisposeAllAsync(candidates);
        }
    }

    private NatsElectionBackend Backend() =>
        new([server.ClientUrl], $"eventsource-nats{Interlocked.Increment(ref _leases)}", new NatsLeaseBucketOptions(), () => [server.Server.Pid]);
}
