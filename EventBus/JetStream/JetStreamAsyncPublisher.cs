using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;

namespace ArgoEvents.EventBus.JetStream;

/// <summary>
/// Publishes without waiting for each acknowledgement, keeping at most <see cref="Window"/> of them outstanding:
/// a publish first waits for a free slot, then returns the task of its own acknowledgement. Retries follow
/// <see cref="JetStreamContext.PublishAsync"/>. Safe for concurrent use.
/// </summary>
public sealed class JetStreamAsyncPublisher
{
    /// <summary>The default window.</summary>
    public const int DefaultWindow = 256;

    private readonly JetStreamContext _context;
    private readonly SemaphoreSlim _slots;

    internal JetStreamAsyncPublisher(JetStreamContext context, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _context = context;
        _slots = new SemaphoreSlim(window, window);
        Window = window;
    }

    /// <summary>Most acknowledgements outstanding at once.</summary>
    public int Window { get; }

    /// <summary>Publishes awaiting their acknowledgement right now.</summary>
    public int Outstanding => Window - _slots.CurrentCount;

    /// <summary>
    /// Waits for a free slot, sends the message, and returns the task of its acknowledgement. The task fails like
    /// <see cref="JetStreamContext.PublishAsync"/> does.
    /// </summary>
    /// <param name="subject">The subject; some stream must capture it.</param>
    /// <param name="data">The payload; must stay unchanged until the acknowledgement, since a retry sends it again.</param>
    /// <param name="options">Message id and expected-state conditions.</param>
    /// <param name="headers">Extra headers; not modified, and must stay unchanged until the acknowledgement.</param>
    /// <param name="cancellationToken">Cancels the wait for a slot, and the publish and its retries.</param>
    /// <returns>The acknowledgement task, once the message is in the window.</returns>
    public async ValueTask<Task<PubAck>> PublishAsync(string subject, ReadOnlyMemory<byte> data, JetStreamPublishOptions? options = null, NatsHeaders? headers = null, CancellationToken cancellationToken = default)
    {
        NatsSubject.EnsureValid(subject);
        var wire = _context.BuildPublishHeaders(headers, options);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _context.PublishWithRetryAsync(subject, data, wire, JetStreamContext.IsIdempotent(wire), _slots, cancellationToken);
    }

    /// <summary>Waits until every acknowledgement outstanding has arrived or failed (their tasks carry the outcome).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when nothing is outstanding.</returns>
    public async Task WaitForAllAsync(CancellationToken cancellationToken = default)
    {
        // Holding every slot at once proves that nothing is outstanding; new publishes wait meanwhile.
        var held = 0;
        try
        {
            for (; held < Window; held++)
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (held > 0)
            {
                _slots.Release(held);
            }
        }
    }
}
