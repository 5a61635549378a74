using System.Globalization;
using System.Runtime.CompilerServices;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>
/// An ordered consumer (ADR-17): an ephemeral push consumer with flow control and heartbeats whose delivery
/// sequence the client checks. On a gap, a stall, three missed heartbeats or a reconnect it deletes the consumer
/// and creates a new one from the last stream sequence it handed out plus one. Acks are not needed. Read it
/// from one reader at a time.
/// </summary>
public sealed class OrderedConsumer : IAsyncDisposable
{
    private static readonly TimeSpan LargeAckWait = TimeSpan.FromHours(22);
    private static readonly TimeSpan MinRetryWait = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(2);

    private readonly JetStreamContext _context;
    private readonly OrderedConsumerOptions _options;
    private readonly MessageWaiter _waiter = new();
    private readonly TimeSpan _missedHeartbeatWindow;
    private NatsSubscription? _subscription;
    private string? _consumerName;
    private ulong _expectedConsumerSequence = 1;
    private ulong _lastStreamSequence;
    private bool _resetNeeded;
    private int _disposed;

    private OrderedConsumer(JetStreamContext context, string stream, OrderedConsumerOptions options)
    {
        _context = context;
        _options = options;
        Stream = stream;
        _missedHeartbeatWindow = options.IdleHeartbeat * 3;
    }

    /// <summary>The stream.</summary>
    public string Stream { get; }

    /// <summary>Messages the first consumer had to deliver when it was created (0: nothing stored matched).</summary>
    public ulong InitialPending { get; private set; }

    /// <summary>The stream sequence of the last message handed out, or 0.</summary>
    public ulong LastStreamSequence => _lastStreamSequence;

    /// <summary>How many times the consumer was recreated.</summary>
    public int Resets { get; private set; }

    internal static async Task<OrderedConsumer> StartAsync(JetStreamContext context, string stream, OrderedConsumerOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        var consumer = new OrderedConsumer(context, stream, options);
        try
        {
            var info = await consumer.CreateAsync(cancellationToken).ConfigureAwait(false);
            consumer.InitialPending = info.NumPending;
        }
        catch
        {
            await consumer.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        context.Connection.StateChanged += consumer.OnStateChanged;
        return consumer;
    }

    /// <summary>Reads the messages in stream order until cancelled or until the connection closes.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The messages.</returns>
    public async IAsyncEnumerable<JsMsg> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await NextAsync(cancellationToken).ConfigureAwait(false) is { } msg)
        {
            yield return msg;
        }
    }

    /// <summary>The next message in stream order, or null when the connection closed.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public async ValueTask<JsMsg?> NextAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        while (true)
        {
            if (_waiter.TakeSignal() || _resetNeeded)
            {
                await ResetAsync(cancellationToken).ConfigureAwait(false);
            }

            var subscription = _subscription!;
            if (!subscription.Msgs.TryRead(out var msg))
            {
                switch (await _waiter.WaitAsync(subscription.Msgs, _missedHeartbeatWindow, cancellationToken).ConfigureAwait(false))
                {
                    case WaitOutcome.Closed when _context.Connection.State == NatsConnectionState.Closed:
                        return null;
                    case WaitOutcome.Closed:
                    case WaitOutcome.TimedOut:
                        _resetNeeded = true;
                        continue;
                    default:
                        continue;
                }
            }

            if (msg.Status != 0)
            {
                await HandleControlAsync(msg, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!AckMetadata.TryParse(msg.ReplyTo, out var metadata) || metadata.ConsumerSequence != _expectedConsumerSequence)
            {
                // A delivery was lost (or is foreign): drop everything from here and resume after the last one handed out.
                _resetNeeded = true;
                continue;
            }

            _expectedConsumerSequence++;
            _lastStreamSequence = metadata.StreamSequence;
            return new JsMsg(msg);
        }
    }

    /// <summary>Stops the subscription and deletes the server-side consumer.</summary>
    /// <returns>A task that completes when both are done (deletion is best effort).</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _context.Connection.StateChanged -= OnStateChanged;
        await DropCurrentAsync(waitForDelete: true).ConfigureAwait(false);
    }

    private async ValueTask HandleControlAsync(NatsMsg msg, CancellationToken cancellationToken)
    {
        if (msg.Status != PullTerminator.Heartbeat)
        {
            // E.g. 409 Consumer Deleted: the server-side consumer is gone.
            _resetNeeded = true;
            return;
        }

        if (msg.ReplyTo is { } flowControl)
        {
            // Flow control: reaching it means everything before it was handed out.
            await _context.Connection.PublishAsync(flowControl, ReadOnlyMemory<byte>.Empty, null, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (msg.Headers is not { } headers)
        {
            return;
        }

        if (headers.TryGetValue(JetStreamHeaders.ConsumerStalled, out var stalled) && stalled.Length > 0)
        {
            await _context.Connection.PublishAsync(stalled, ReadOnlyMemory<byte>.Empty, null, null, cancellationToken).ConfigureAwait(false);
        }

        if (headers.TryGetValue(JetStreamHeaders.LastConsumer, out var lastText)
            && ulong.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var lastDelivered)
            && lastDelivered >= _expectedConsumerSequence)
        {
            // The server delivered more than arrived here.
            _resetNeeded = true;
        }
    }

    private async Task ResetAsync(CancellationToken cancellationToken)
    {
        var wait = MinRetryWait;
        while (true)
        {
            await DropCurrentAsync(waitForDelete: false).ConfigureAwait(false);
            try
            {
                await CreateAsync(cancellationToken).ConfigureAwait(false);
                _resetNeeded = false;
                Resets++;
                return;
            }
            catch (NatsException) when (_context.Connection.State != NatsConnectionState.Closed)
            {
                // The stream may be electing a leader or the connection reconnecting: try again with back-off.
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, MaxRetryWait.Ticks));
            }
        }
    }

    private async Task<ConsumerInfo> CreateAsync(CancellationToken cancellationToken)
    {
        var connection = _context.Connection;
        var inbox = connection.NewInbox();
        var subscription = await connection.SubscribeAsync(inbox, null, cancellationToken).ConfigureAwait(false);
        try
        {
            var resume = _lastStreamSequence > 0;
            var config = new ConsumerConfig
            {
                DeliverSubject = inbox,
                AckPolicy = AckPolicy.None,
                MaxDeliver = 1,
                AckWait = LargeAckWait,
                FlowControl = true,
                IdleHeartbeat = _options.IdleHeartbeat,
                MemoryStorage = true,
                NumReplicas = 1,
                InactiveThreshold = _options.InactiveThreshold,
                FilterSubject = _options.FilterSubject,
                HeadersOnly = _options.HeadersOnly,
                DeliverPolicy = resume ? DeliverPolicy.ByStartSequence : _options.DeliverPolicy,
                OptStartSequence = resume ? _lastStreamSequence + 1 : _options.OptStartSequence,
                OptStartTime = resume ? null : _options.OptStartTime,
            };
            var info = await _context.CreateOrUpdateConsumerAsync(Stream, config, ConsumerCreateAction.CreateOrUpdate, cancellationToken).ConfigureAwait(false);
            _subscription = subscription;
            _consumerName = info.Name;
            _expectedConsumerSequence = 1;
            return info;
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task DropCurrentAsync(bool waitForDelete)
    {
        var subscription = _subscription;
        var name = _consumerName;
        _subscription = null;
        _consumerName = null;
        if (subscription is not null)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        if (name is not null && _context.Connection.State == NatsConnectionState.Connected)
        {
            // During a reset the old consumer must not hold up the new one; the inactive threshold is the backstop.
            var deletion = DeleteQuietlyAsync(name);
            if (waitForDelete)
            {
                await deletion.ConfigureAwait(false);
            }
        }
    }

    private async Task DeleteQuietlyAsync(string name)
    {
        using var timeout = new CancellationTokenSource(CleanupTimeout);
        try
        {
            await _context.DeleteConsumerAsync(Stream, name, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NatsException or OperationCanceledException)
        {
            // Already gone, or the stream is electing a leader; the server deletes it after the inactive threshold.
        }
    }

    private void OnStateChanged(object? sender, NatsConnectionStateChangedEventArgs e)
    {
        if (e.State == NatsConnectionState.Connected)
        {
            _waiter.Signal();
        }
    }
}
