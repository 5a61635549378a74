using System.Diagnostics;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;
using ArgoEvents.Testing.Nats;
using Xunit;
using static ArgoEvents.EventBus.Tests.JetStream.Integration.JetStreamTestKit;

namespace ArgoEvents.EventBus.Tests.JetStream.Integration;

public sealed class ClusterFailoverTests
{
    private const int MessageCount = 10_000;
    private const int KillAfterAcks = 3_000;

    [Fact]
    public async Task R3_stream_ends_with_exactly_every_message_when_its_leader_is_killed_mid_publish()
    {
        using var timeout = Infrastructure.TestTimeout.After(150);
        await using var cluster = new NatsCluster(3);
        await cluster.StartAsync(timeout.Token);
        await using (var setup = await ConnectAsync([.. cluster.ClientUrls]))
        {
            await new JetStreamContext(setup).CreateStreamAsync(new StreamConfig("FAILOVER", "failover.>") { NumReplicas = 3 }, timeout.Token);
        }

        // The publisher sits on the leader's node, so the kill also forces it to reconnect elsewhere.
        var leader = await cluster.FindStreamLeaderAsync("FAILOVER", timeout.Token);
        await using var connection = await NatsConnection.ConnectAsync(
            new NatsOptions
            {
                Urls = [leader.ClientUrl, .. cluster.ClientUrls.Where(u => u != leader.ClientUrl)],
                Randomize = false,
                ReconnectWaitMin = TimeSpan.FromMilliseconds(50),
                ReconnectWaitMax = TimeSpan.FromMilliseconds(250),
            },
            timeout.Token);

        // Raft re-election takes 5-9 s on 2.9.10: attempts time out after 2 s, 503s wait 250 ms, all within 60 s.
        var js = new JetStreamContext(connection, new JetStreamOptions { PublishAttemptTimeout = TimeSpan.FromSeconds(2), PublishRetryAttempts = 1000 });

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var publisher = js.CreateAsyncPublisher();
        var acked = 0;
        Stopwatch? sinceKill = null;
        var acks = new Task<PubAck>[MessageCount];
        var payload = new byte[64];
        for (var i = 0; i < MessageCount; i++)
        {
            acks[i] = await publisher.PublishAsync($"failover.{i % 10}", payload, new JetStreamPublishOptions { MsgId = $"msg-{i}" }, cancellationToken: deadline.Token);
            _ = acks[i].ContinueWith(_ => Interlocked.Increment(ref acked), TaskScheduler.Default);
            if (sinceKill is null && Volatile.Read(ref acked) >= KillAfterAcks)
            {
                leader.Kill();
                sinceKill = Stopwatch.StartNew();
                TestContext.Current.TestOutputHelper?.WriteLine($"Killed stream leader {leader.ServerName} after {Volatile.Read(ref acked)} acks ({i} sent).");
            }
        }

        var sequences = await Task.WhenAll(acks);
        TestContext.Current.TestOutputHelper?.WriteLine($"Every message acknowledged {sinceKill?.Elapsed.TotalSeconds:0.0} s after the kill; client reconnects: {connection.Reconnects}.");
        var stored = await StoredMessagesAsync(js, timeout.Token);

        Assert.NotNull(sinceKill);
        Assert.False(leader.IsRunning);
        Assert.True(connection.Reconnects >= 1);
        Assert.Equal((ulong)MessageCount, stored.Messages);
        Assert.Equal((ulong)MessageCount, stored.LastSequence);
        Assert.Equal(MessageCount, sequences.Select(a => a.Sequence).Distinct().Count());
    }

    private static async Task<StreamState> StoredMessagesAsync(JetStreamContext js, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return (await js.GetStreamInfoAsync("FAILOVER", cancellationToken: cancellationToken)).State;
            }
            catch (NatsException)
            {
                // The new leader may still be settling.
                await Task.Delay(250, cancellationToken);
            }
        }
    }
}
