using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.Testing.Redis;

namespace ArgoEvents.Bench.Queues;

/// <summary>
/// redisStream → bus: the consumer group is created at id 0 on an empty stream, the stream is filled with pipelined
/// XADDs, then the source starts (it finds the group existing) and reads the backlog with XREADGROUP of
/// <c>maxMsgCountPerRead</c> entries, publishing each and acknowledging (XACK) once the bus stored it.
/// </summary>
public sealed class RedisStreamRun(RedisServerProcess redis, QueueDrain drain, int perRead)
{
    private const string Group = "argo-events-cg";
    private const int PipelineDepth = 1000;

    public async Task<QueueDrainResult> RunAsync(string round, int count)
    {
        var stream = $"orders-{round}";
        await using (var client = await RedisConnection.ConnectAsync(RedisOptions.Parse(redis.HostAddress)))
        {
            await client.CreateConsumerGroupAsync(stream, Group, "0", createStream: true);
            await PreloadAsync(client, stream, count);
        }

        return await drain.RunAsync($"redisStream {round} (maxMsgCountPerRead {perRead})", $"bench-redis-{round}", Manifest(round, stream), count, [redis.Pid], () => NothingPendingAsync(stream));
    }

    // Every entry read was acknowledged: the XACKs follow the bus acks, so they may trail the last stored event a little.
    private async Task NothingPendingAsync(string stream)
    {
        await using var client = await RedisConnection.ConnectAsync(RedisOptions.Parse(redis.HostAddress));
        while ((await client.PendingSummaryAsync(stream, Group)).Count != 0)
        {
            await Task.Delay(10);
        }
    }

    private static async Task PreloadAsync(RedisConnection client, string stream, int count)
    {
        var replies = new List<Task<string>>(PipelineDepth);
        for (var i = 0; i < count; i++)
        {
            replies.Add(client.StreamAddAsync(stream, [("id", $"order-{i}"), ("kind", "order"), ("total", "123.45")]));
            if (replies.Count == PipelineDepth)
            {
                await Task.WhenAll(replies);
                replies.Clear();
            }
        }

        await Task.WhenAll(replies);
    }

    private string Manifest(string round, string stream) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: bench-redis-{round}
        spec:
          redisStream:
            orders:
              hostAddress: {redis.HostAddress}
              streams: [{stream}]
              maxMsgCountPerRead: {perRead}
        """;
}
