using ArgoEvents.EventSources.Protocols.Resp;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>Appends numbered entries (field <c>n</c>) to a Redis stream with XADD, a batch pipelined on one connection.</summary>
public sealed class RedisStreamNumberPublisher : INumberedPublisher
{
    private readonly RedisConnection _connection;
    private readonly string _stream;

    private RedisStreamNumberPublisher(RedisConnection connection, string stream)
    {
        _connection = connection;
        _stream = stream;
    }

    /// <summary>Connects to the server at <paramref name="hostAddress"/> (host:port).</summary>
    public static async Task<RedisStreamNumberPublisher> ConnectAsync(string hostAddress, string stream) =>
        new(await RedisConnection.ConnectAsync(RedisOptions.Parse(hostAddress)), stream);

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<int> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        await Task.WhenAll(numbers.Select(n => _connection.StreamAddAsync(_stream, [("n", n)], cancellationToken: cancellationToken)));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
