using System.Text;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.Testing.Nats;
using Xunit;
using static ArgoEvents.EventBus.Tests.JetStream.Integration.JetStreamTestKit;

namespace ArgoEvents.EventBus.Tests.JetStream.Integration;

public sealed class ConsumeAcrossRestartTests
{
    [Fact]
    public async Task Consume_continues_after_the_server_restarts()
    {
        using var timeout = Infrastructure.TestTimeout.After(60);
        await using var server = new NatsServerProcess(new NatsServerOptions { JetStream = true });
        await server.StartAsync(timeout.Token);
        var (connection, js) = await ConnectJetStreamAsync(server.ClientUrl, new JetStreamOptions { PublishRetryAttempts = 40, PublishAttemptTimeout = TimeSpan.FromSeconds(1) });
        await using var _ = connection;
        await js.CreateStreamAsync(new StreamConfig("RESTART", "restart.>"), timeout.Token);
        await js.CreateOrUpdateConsumerAsync("RESTART", new ConsumerConfig("worker"), cancellationToken: timeout.Token);
        var consumer = js.GetPullConsumer("RESTART", "worker");
        var received = new List<string>();
        var firstHalf = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var consuming = Task.Run(async () =>
        {
            // A long expiry: without the re-pull on reconnect the consumer would sit idle for 30 s or more.
            await foreach (var msg in consumer.ConsumeAsync(new ConsumeOptions { MaxMessages = 10, Expires = TimeSpan.FromSeconds(60) }, timeout.Token))
            {
                received.Add(Encoding.UTF8.GetString(msg.Data.Span));
                await msg.AckAsync(timeout.Token);
                if (received.Count == 20)
                {
                    firstHalf.TrySetResult();
                }

                if (received.Count == 40)
                {
                    return;
                }
            }
        });

        await PublishAsync(js, 0, 20, timeout.Token);
        await firstHalf.Task.WaitAsync(timeout.Token);
        await server.RestartAsync(timeout.Token);
        await connection.WaitConnectedAsync(timeout.Token);
        await PublishAsync(js, 20, 40, timeout.Token);
        await consuming.WaitAsync(TimeSpan.FromSeconds(20), timeout.Token);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"m{i}"), received);
    }

    private static async Task PublishAsync(JetStreamContext js, int from, int to, CancellationToken cancellationToken)
    {
        for (var i = from; i < to; i++)
        {
            await js.PublishAsync($"restart.{i}", Encoding.UTF8.GetBytes($"m{i}"), new JetStreamPublishOptions { MsgId = $"m{i}" }, cancellationToken: cancellationToken);
        }
    }
}
