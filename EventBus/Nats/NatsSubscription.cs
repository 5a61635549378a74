using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;

namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// A subscription's bounded queue of messages. When the reader falls behind and the queue is full, new
/// messages are dropped (the server would otherwise cut the whole connection as a slow consumer) and counted
/// in <see cref="DroppedMessages"/>.
/// </summary>
public sealed class NatsSubscription : IAsyncDisposable
{
    private readonly Channel<NatsMsg> _channel;
    private readonly NatsConnection _connection;
    private long _dropped;
    private long _delivered;
    private int _closed;

    internal NatsSubscription(NatsConnection connection, long sid, string subject, string? queueGroup, int capacity)
    {
        _connection = connection;
        Sid = sid;
        Subject = subject;
        QueueGroup = queueGroup;
        SubjectUtf8 = Encoding.UTF8.GetBytes(subject);
        IsWildcard = NatsSubject.HasWildcard(subject);
        _channel = Channel.CreateBounded<NatsMsg>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropWrite,
                SingleWriter = true,
                SingleReader = false,
                AllowSynchronousContinuations = false,
            },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>The subject, possibly with wildcards.</summary>
    public string Subject { get; }

    /// <summary>The queue group, when the subscription shares its messages with others.</summary>
    public string? QueueGroup { get; }

    /// <summary>The messages, in the order the server delivered them.</summary>
    public ChannelReader<NatsMsg> Msgs => _channel.Reader;

    /// <summary>Messages dropped because the queue was full.</summary>
    public long DroppedMessages => Interlocked.Read(ref _dropped);

    /// <summary>Messages queued for the reader so far.</summary>
    public long DeliveredMessages => Interlocked.Read(ref _delivered);

    internal long Sid { get; }

    internal byte[] SubjectUtf8 { get; }

    internal bool IsWildcard { get; }

    internal bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Reads messages until the subscription ends or the token is cancelled.</summary>
    public async IAsyncEnumerable<NatsMsg> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (_channel.Reader.TryRead(out var msg))
            {
                yield return msg;
            }
        }
    }

    /// <summary>Tells the server to stop delivering; messages already queued can still be read.</summary>
    public async ValueTask UnsubscribeAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        await _connection.UnsubscribeAsync(this, cancellationToken).ConfigureAwait(false);
        Complete(null);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await UnsubscribeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NatsException)
        {
            // The connection is already gone; so is the server-side subscription.
            Complete(null);
        }
    }

    internal void Deliver(in NatsMsg msg)
    {
        if (_channel.Writer.TryWrite(msg))
        {
            Interlocked.Increment(ref _delivered);
        }
    }

    internal void Complete(Exception? error)
    {
        Volatile.Write(ref _closed, 1);
        _channel.Writer.TryComplete(error);
    }
}
