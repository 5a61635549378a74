using System.Buffers;
using System.IO.Pipelines;

namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>
/// Packets on their way to the socket: callers encode into one pipe under a gate and a single sender loop drains it,
/// so packets queued while a write is in progress leave together in the next one.
/// </summary>
internal sealed class PacketOutbox
{
    private readonly Pipe _pipe = new(new PipeOptions(
        pauseWriterThreshold: 4 * 1024 * 1024,
        resumeWriterThreshold: 2 * 1024 * 1024,
        minimumSegmentSize: 16 * 1024,
        useSynchronizationContext: false));

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<Exception> _closedError;
    private long _lastQueuedTick = Environment.TickCount64;
    private volatile bool _closed;

    /// <param name="closedError">The error a write after <see cref="Abort"/> or <see cref="CompleteAsync"/> fails with.</param>
    public PacketOutbox(Func<Exception> closedError) => _closedError = closedError;

    /// <summary><see cref="Environment.TickCount64"/> when the last packet was queued: what keep-alive measures idleness by.</summary>
    public long LastQueuedTick => Interlocked.Read(ref _lastQueuedTick);

    /// <summary>Encodes a packet with <paramref name="encode"/> into the pipe; waits while the sender is far behind.</summary>
    public async ValueTask WriteAsync<TState>(TState state, Action<IBufferWriter<byte>, TState> encode, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_closed)
            {
                throw _closedError();
            }

            encode(_pipe.Writer, state);
            Interlocked.Exchange(ref _lastQueuedTick, Environment.TickCount64);
            var flush = await _pipe.Writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (flush.IsCompleted || _closed)
            {
                throw _closedError();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drains the pipe to <paramref name="stream"/> until the pipe is completed or aborted, or the stream fails.</summary>
    public async Task RunSenderAsync(Stream stream)
    {
        var reader = _pipe.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    return;
                }

                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await stream.WriteAsync(segment, CancellationToken.None).ConfigureAwait(false);
                }

                await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        finally
        {
            // Unblocks a writer waiting for room: its flush reports completion and it fails with the closed error.
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops accepting packets; the sender writes what is queued and ends.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_closed)
            {
                _closed = true;
                await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops at once: queued packets are dropped and every write fails from now on.</summary>
    public void Abort()
    {
        _closed = true;
        _pipe.Reader.CancelPendingRead();
    }
}
