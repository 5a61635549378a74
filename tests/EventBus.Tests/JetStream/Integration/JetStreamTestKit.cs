using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.JetStream.Integration;

/// <summary>Shared helpers of the JetStream and KV integration tests.</summary>
internal static class JetStreamTestKit
{
    private static int _counter;

    /// <summary>A name no other test of the run uses, so tests can share one server.</summary>
    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}";

    public static Task<NatsConnection> ConnectAsync(params string[] urls) =>
        NatsConnection.ConnectAsync(
            new NatsOptions
            {
                Urls = urls,
                ReconnectWaitMin = TimeSpan.FromMilliseconds(50),
                ReconnectWaitMax = TimeSpan.FromMilliseconds(250),
            },
            TestContext.Current.CancellationToken);

    public static async Task<(NatsConnection Connection, JetStreamContext JetStream)> ConnectJetStreamAsync(string url, JetStreamOptions? options = null)
    {
        var connection = await ConnectAsync(url);
        return (connection, new JetStreamContext(connection, options));
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; the token bounds the wait.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(25, cancellationToken);
        }
    }

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
