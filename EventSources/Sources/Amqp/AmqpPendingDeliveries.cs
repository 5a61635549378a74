using System.Threading.Channels;

namespace ArgoEvents.EventSources.Sources.Amqp;

/// <summary>
/// The deliveries of one consumer whose events are on their way to the bus, in delivery order, at most a window of
/// them: the consumer starts the next publication without waiting for the previous acknowledgement, and one loop
/// settles each delivery (ack, or nack with requeue) once its own publication has finished. Once the oldest has
/// finished, the loop hands it over together with the finished ones right behind it, in order, so that consecutive
/// stored deliveries can be acknowledged at once.
/// </summary>
internal sealed class AmqpPendingDeliveries : IAsyncDisposable
{
    private readonly Channel<AmqpPendingDelivery> _pending;
    private readonly Task _settling;

    /// <summary>Starts the settling loop.</summary>
    public AmqpPendingDeliveries(int window, Func<IReadOnlyList<AmqpPendingDelivery>, Task> settle)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        ArgumentNullException.ThrowIfNull(settle);
        _pending = Channel.CreateBounded<AmqpPendingDelivery>(new BoundedChannelOptions(window) { SingleReader = true, SingleWriter = true });
        _settling = SettleAllAsync(settle);
    }

    /// <summary>Queues a delivery whose publication has started; waits while the window is full.</summary>
    public ValueTask AddAsync(AmqpPendingDelivery delivery, CancellationToken cancellationToken) => _pending.Writer.WriteAsync(delivery, cancellationToken);

    /// <summary>Accepts no more deliveries and waits until every queued one is settled.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _settling.ConfigureAwait(false);
    }

    private async Task SettleAllAsync(Func<IReadOnlyList<AmqpPendingDelivery>, Task> settle)
    {
        var batch = new List<AmqpPendingDelivery>();
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (!_pending.Reader.TryRead(out var oldest))
            {
                continue;
            }

            // Settling observes the outcome; here it only matters that there is one.
            await oldest.Publication.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            batch.Add(oldest);
            while (_pending.Reader.TryPeek(out var next) && next.Publication.IsCompleted && _pending.Reader.TryRead(out next))
            {
                batch.Add(next);
            }

            await settle(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }
}
