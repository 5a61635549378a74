using System.Text.Json;
using ArgoEvents.EventBus.JetStream.Api;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>
/// The state of one <see cref="PullConsumer.ConsumeAsync"/>: its inbox subscription and how many requested
/// messages are still due, following ADR-37.
/// </summary>
internal sealed class PullConsumeSession : IAsyncDisposable
{
    private static readonly TimeSpan NoResponderBackoff = TimeSpan.FromSeconds(1);

    private readonly PullConsumer _consumer;
    private readonly ConsumeOptions _options;
    private readonly NatsConnection _connection;
    private readonly NatsSubscription _subscription;
    private readonly string _inbox;
    private readonly MessageWaiter _waiter = new();
    private readonly TimeSpan _missedHeartbeatWindow;
    private long _pending;

    private PullConsumeSession(PullConsumer consumer, ConsumeOptions options, NatsSubscription subscription, string inbox)
    {
        _consumer = consumer;
        _options = options;
        _connection = consumer.Context.Connection;
        _subscription = subscription;
        _inbox = inbox;
        _missedHeartbeatWindow = options.EffectiveHeartbeat * 2;
        _connection.StateChanged += OnStateChanged;
    }

    public static async Task<PullConsumeSession> StartAsync(PullConsumer consumer, ConsumeOptions options, CancellationToken cancellationToken)
    {
        var connection = consumer.Context.Connection;
        var inbox = connection.NewInbox();

        // Room for two full pulls: a re-pull after a missed heartbeat may overlap the one the server still holds.
        var subscription = await connection.SubscribeAsync(inbox, null, (options.MaxMessages * 2) + 64, cancellationToken).ConfigureAwait(false);
        return new PullConsumeSession(consumer, options, subscription, inbox);
    }

    /// <summary>The next message, or null when the subscription ended because the connection closed.</summary>
    public async ValueTask<JsMsg?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_waiter.TakeSignal())
            {
                // Pull requests do not survive a reconnect: whatever was due will not come.
                _pending = 0;
            }

            if (_pending <= _options.ThresholdMessages && _pending < _options.MaxMessages)
            {
                await PullAsync(_options.MaxMessages - (int)_pending, cancellationToken).ConfigureAwait(false);
            }

            if (!_subscription.Msgs.TryRead(out var msg))
            {
                switch (await _waiter.WaitAsync(_subscription.Msgs, _missedHeartbeatWindow, cancellationToken).ConfigureAwait(false))
                {
                    case WaitOutcome.Closed:
                        return null;
                    case WaitOutcome.TimedOut:
                        _pending = 0;
                        continue;
                    default:
                        continue;
                }
            }

            switch (msg.Status)
            {
                case 0:
                    _pending = Math.Max(0, _pending - 1);
                    return new JsMsg(msg);
                case PullTerminator.Heartbeat:
                case PullTerminator.NoMessages:
                    continue;
                case PullTerminator.RequestTimeout:
                    _pending = Math.Max(0, _pending - PullTerminator.PendingMessages(msg));
                    continue;
                case PullTerminator.Conflict when PullTerminator.IsFatalConflict(msg):
                    throw new JetStreamException($"Consuming stopped: consumer '{_consumer.Name}' of stream '{_consumer.Stream}' answered {PullTerminator.Describe(msg)}.");
                case PullTerminator.Conflict:
                    _pending = Math.Max(0, _pending - PullTerminator.PendingMessages(msg));
                    continue;
                case PullTerminator.NoResponders:
                    // The consumer's stream has no leader (failover) or the consumer is missing: try again shortly.
                    _pending = 0;
                    await Task.Delay(NoResponderBackoff, cancellationToken).ConfigureAwait(false);
                    continue;
                default:
                    throw new JetStreamException($"Consuming stopped: the pull on consumer '{_consumer.Name}' of stream '{_consumer.Stream}' was refused with {PullTerminator.Describe(msg)}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _connection.StateChanged -= OnStateChanged;
        await _subscription.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask PullAsync(int batch, CancellationToken cancellationToken)
    {
        var request = new PullRequest { Batch = batch, Expires = _options.Expires, IdleHeartbeat = _options.EffectiveHeartbeat };
        var body = JsonSerializer.SerializeToUtf8Bytes(request, JetStreamJsonContext.Default.PullRequest);
        await _connection.PublishAsync(_consumer.NextSubject, body, null, _inbox, cancellationToken).ConfigureAwait(false);
        _pending += batch;
    }

    private void OnStateChanged(object? sender, NatsConnectionStateChangedEventArgs e)
    {
        if (e.State == NatsConnectionState.Connected)
        {
            _waiter.Signal();
        }
    }
}
