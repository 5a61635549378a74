using System.Threading.Channels;

namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>
/// A connection in Redis's subscribe mode, where RESP2 accepts only (P)SUBSCRIBE, (P)UNSUBSCRIBE and PING. Messages
/// arrive on <see cref="Messages"/>; when the connection is lost the reader completes with
/// <see cref="RedisConnectionException"/>, and the owner reconnects and subscribes again.
/// </summary>
public sealed class RedisSubscriber : IAsyncDisposable
{
    private readonly Channel<RedisPubSubMessage> _messages;
    private RespSession? _session;
    private volatile bool _disposing;

    private RedisSubscriber(RedisOptions options)
    {
        Options = options;
        _messages = Channel.CreateBounded<RedisPubSubMessage>(new BoundedChannelOptions(options.SubscriberBufferCapacity)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The options this subscriber was opened with.</summary>
    public RedisOptions Options { get; }

    /// <summary>
    /// Published messages in arrival order. When the buffer (<see cref="RedisOptions.SubscriberBufferCapacity"/>) is
    /// full the socket is not read until the reader catches up. Completes with the failure when the connection ends.
    /// </summary>
    public ChannelReader<RedisPubSubMessage> Messages => _messages.Reader;

    /// <summary>False once the connection was lost or disposed.</summary>
    public bool IsConnected => Session.Failure is null;

    /// <summary>Completes, with the reason, when the connection is lost or disposed.</summary>
    public Task<RedisConnectionException> Closed => Session.Closed;

    private RespSession Session => _session ?? throw new InvalidOperationException("The subscriber is not connected.");

    /// <summary>Connects and authenticates as <see cref="RedisConnection.ConnectAsync"/> does; nothing is subscribed yet.</summary>
    public static async Task<RedisSubscriber> ConnectAsync(RedisOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var subscriber = new RedisSubscriber(options);
        subscriber._session = await RespSession.OpenAsync(options, subscriber.TryDeliverAsync, subscriber.OnFailure, cancellationToken)
            .ConfigureAwait(false);
        return subscriber;
    }

    /// <summary>Messages as an async stream; ends with <see cref="RedisConnectionException"/> when the connection is lost.</summary>
    public IAsyncEnumerable<RedisPubSubMessage> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _messages.Reader.ReadAllAsync(cancellationToken);

    /// <summary>SUBSCRIBE: returns once Redis confirmed every channel.</summary>
    public Task SubscribeAsync(IEnumerable<string> channels, CancellationToken cancellationToken = default) =>
        SendAsync("SUBSCRIBE", channels, cancellationToken);

    /// <summary>PSUBSCRIBE with glob-style patterns (<c>news.*</c>): returns once Redis confirmed every pattern.</summary>
    public Task PatternSubscribeAsync(IEnumerable<string> patterns, CancellationToken cancellationToken = default) =>
        SendAsync("PSUBSCRIBE", patterns, cancellationToken);

    /// <summary>UNSUBSCRIBE from the named channels: returns once Redis confirmed every one.</summary>
    public Task UnsubscribeAsync(IEnumerable<string> channels, CancellationToken cancellationToken = default) =>
        SendAsync("UNSUBSCRIBE", channels, cancellationToken);

    /// <summary>PUNSUBSCRIBE from the named patterns: returns once Redis confirmed every one.</summary>
    public Task PatternUnsubscribeAsync(IEnumerable<string> patterns, CancellationToken cancellationToken = default) =>
        SendAsync("PUNSUBSCRIBE", patterns, cancellationToken);

    /// <summary>PING in subscribe mode (answered with a "pong" array): checks the connection is alive.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        var reply = await Session.Send(["PING"], 1, cancellationToken).ConfigureAwait(false);
        if (!(reply.Kind == RedisReplyKind.Array && reply.Count >= 1 && reply[0].Is("pong"u8)) && !reply.Is("PONG"u8))
        {
            throw new RedisProtocolException($"Redis at {Options.Endpoint} answered PING with {reply}.");
        }
    }

    /// <summary>Closes the connection; <see cref="Messages"/> completes.</summary>
    public ValueTask DisposeAsync()
    {
        _disposing = true;
        return _session?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private async Task SendAsync(string verb, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.ToList();
        if (list.Count == 0)
        {
            // Redis would treat an empty (P)UNSUBSCRIBE as "all", with a reply count we could not predict.
            throw new ArgumentException($"{verb} needs at least one channel or pattern.", nameof(names));
        }

        var command = new RedisArgument[list.Count + 1];
        command[0] = verb;
        for (var i = 0; i < list.Count; i++)
        {
            ArgumentException.ThrowIfNullOrEmpty(list[i], nameof(names));
            command[i + 1] = list[i];
        }

        await Session.Send(command, list.Count, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<bool> TryDeliverAsync(RedisReply reply, CancellationToken cancellationToken)
    {
        if (reply.Kind != RedisReplyKind.Array || reply.IsNull || reply.Count < 3)
        {
            return ValueTask.FromResult(false);
        }

        RedisPubSubMessage message;
        if (reply.Count == 3 && reply[0].Is("message"u8))
        {
            message = new RedisPubSubMessage(reply[1].AsString()!, null, reply[2].Bytes);
        }
        else if (reply.Count == 4 && reply[0].Is("pmessage"u8))
        {
            message = new RedisPubSubMessage(reply[2].AsString()!, reply[1].AsString(), reply[3].Bytes);
        }
        else
        {
            return ValueTask.FromResult(false);
        }

        return _messages.Writer.TryWrite(message) ? ValueTask.FromResult(true) : WaitAndDeliverAsync(message, cancellationToken);
    }

    private async ValueTask<bool> WaitAndDeliverAsync(RedisPubSubMessage message, CancellationToken cancellationToken)
    {
        await _messages.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // The owner closing the subscriber ends the stream normally; only a lost connection ends it with an error.
    private void OnFailure(RedisConnectionException failure) => _messages.Writer.TryComplete(_disposing ? null : failure);
}
