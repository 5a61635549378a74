using System.Threading.Channels;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>
/// Waits for a subscription's next message with a deadline (missed heartbeats), and can be woken early from
/// another thread (a reconnect), so that one loop reacts to all three without polling.
/// </summary>
internal sealed class MessageWaiter
{
    private CancellationTokenSource? _current;
    private int _signaled;

    public void Signal()
    {
        Volatile.Write(ref _signaled, 1);
        try
        {
            Volatile.Read(ref _current)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The wait ended meanwhile; the flag alone is seen by the next wait.
        }
    }

    public bool TakeSignal() => Interlocked.Exchange(ref _signaled, 0) == 1;

    public async ValueTask<WaitOutcome> WaitAsync(ChannelReader<NatsMsg> reader, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        Volatile.Write(ref _current, wait);
        try
        {
            // Checked after publishing the source, so a signal racing with the start is never lost.
            if (Volatile.Read(ref _signaled) == 1)
            {
                return WaitOutcome.Signaled;
            }

            return await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false) ? WaitOutcome.MessageReady : WaitOutcome.Closed;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Volatile.Read(ref _signaled) == 1 ? WaitOutcome.Signaled : WaitOutcome.TimedOut;
        }
        finally
        {
            Volatile.Write(ref _current, null);
        }
    }
}
