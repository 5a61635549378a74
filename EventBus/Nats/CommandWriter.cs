using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text;

namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// Serializes protocol commands into one pipe that a single sender loop drains to the socket, so that many
/// publishes leave in one write. The pipe outlives sockets: what was not sent when a connection dropped is sent
/// on the next one, after the handshake and the re-subscriptions. A read is only consumed once all of it was
/// written, and every flush ends on a command boundary, so a new connection never starts mid-command.
/// </summary>
internal sealed class CommandWriter
{
    private static ReadOnlySpan<byte> PubPrefix => "PUB "u8;
    private static ReadOnlySpan<byte> HPubPrefix => "HPUB "u8;
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    private readonly Pipe _pipe;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _reconnectBufferBytes;
    private readonly PingTracker _pings;
    private long _written;
    private long _sent;
    private volatile bool _connected;
    private long _maxPayload = 1024 * 1024;
    private bool _completed;

    public CommandWriter(NatsOptions options, PingTracker pings)
    {
        _reconnectBufferBytes = options.ReconnectBufferBytes;
        _pings = pings;
        var pause = Math.Max(options.WriterBufferBytes, options.ReconnectBufferBytes + (1024 * 1024));
        const int segmentSize = 64 * 1024;
        _pipe = new Pipe(new PipeOptions(
            pool: new SegmentPool(segmentSize, (pause / segmentSize) + 4),
            pauseWriterThreshold: pause,
            resumeWriterThreshold: pause / 2,
            minimumSegmentSize: segmentSize,
            useSynchronizationContext: false));
    }

    /// <summary>Bytes accepted and not yet written to a socket.</summary>
    public long PendingBytes => Interlocked.Read(ref _written) - Interlocked.Read(ref _sent);

    /// <summary>Bytes written to sockets so far.</summary>
    public long SentBytes => Interlocked.Read(ref _sent);

    public long MaxPayload
    {
        get => Volatile.Read(ref _maxPayload);
        set => Volatile.Write(ref _maxPayload, value);
    }

    public bool Connected
    {
        get => _connected;
        set => _connected = value;
    }

    public ValueTask PublishAsync(string subject, string? replyTo, NatsHeaders? headers, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        => PublishAsync(subject, replyTo, null, 0, headers, payload, cancellationToken);

    /// <summary>
    /// Publishes; the reply subject is either <paramref name="replyTo"/> or, for muxed requests,
    /// <paramref name="replyPrefix"/> followed by <paramref name="replyToken"/> in decimal, so no string is built.
    /// </summary>
    public ValueTask PublishAsync(string subject, string? replyTo, byte[]? replyPrefix, long replyToken, NatsHeaders? headers, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var headerLength = headers is null ? 0 : HeaderWireFormat.GetLength(headers);
        var total = (long)headerLength + payload.Length;
        if (total > MaxPayload)
        {
            throw new NatsPayloadTooLargeException(subject, total, MaxPayload);
        }

        var subjectLength = Encoding.UTF8.GetByteCount(subject);
        var replyLength = replyTo is not null ? Encoding.UTF8.GetByteCount(replyTo) : replyPrefix is not null ? replyPrefix.Length + DigitCount(replyToken) : 0;
        var size = (headers is null ? PubPrefix.Length : HPubPrefix.Length) + subjectLength + 1
            + (replyLength > 0 ? replyLength + 1 : 0)
            + (headers is null ? 0 : DigitCount(headerLength) + 1)
            + DigitCount(total) + 2 + (int)total + 2;

        if (!_gate.Wait(0))
        {
            return PublishContendedAsync(subject, replyTo, replyPrefix, replyToken, headers, headerLength, payload, size, cancellationToken);
        }

        try
        {
            EnsureRoom(size);
            var span = _pipe.Writer.GetSpan(size);
            WritePublish(span, subject, replyTo, replyPrefix, replyToken, headers, headerLength, payload.Span, (int)total);
        }
        catch
        {
            _gate.Release();
            throw;
        }

        return Commit(size, cancellationToken);
    }

    public ValueTask SubscribeAsync(long sid, string subject, string? queueGroup, CancellationToken cancellationToken)
        => WriteControlAsync(FormatSub(sid, subject, queueGroup), cancellationToken);

    public ValueTask UnsubscribeAsync(long sid, CancellationToken cancellationToken)
        => WriteControlAsync(Encoding.ASCII.GetBytes($"UNSUB {sid}\r\n"), cancellationToken);

    public ValueTask PongAsync(CancellationToken cancellationToken) => WriteControlAsync("PONG\r\n"u8.ToArray(), cancellationToken);

    /// <summary>Writes a PING whose PONG completes <paramref name="waiter"/> (null for a keep-alive).</summary>
    public async ValueTask PingAsync(TaskCompletionSource<bool>? waiter, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureOpen();
            "PING\r\n"u8.CopyTo(_pipe.Writer.GetSpan(6));
            _pipe.Writer.Advance(6);
            _pings.Enqueue(Interlocked.Add(ref _written, 6), waiter);
        }
        catch
        {
            _gate.Release();
            throw;
        }

        await Commit(0, cancellationToken).ConfigureAwait(false);
    }

    public static byte[] FormatSub(long sid, string subject, string? queueGroup)
        => Encoding.UTF8.GetBytes(queueGroup is null ? $"SUB {subject} {sid}\r\n" : $"SUB {subject} {queueGroup} {sid}\r\n");

    /// <summary>
    /// Drains the pipe to <paramref name="stream"/> until the token is cancelled or the stream fails.
    /// Data is consumed only after it was fully written; on failure it stays for the next connection.
    /// </summary>
    public async Task RunSenderAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = _pipe.Reader;
        using var registration = cancellationToken.UnsafeRegister(static s => ((PipeReader)s!).CancelPendingRead(), reader);
        while (true)
        {
            var result = await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (cancellationToken.IsCancellationRequested)
            {
                reader.AdvanceTo(buffer.Start, buffer.Start);
                return;
            }

            var sent = false;
            try
            {
                foreach (var segment in buffer)
                {
                    await stream.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
                }

                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                sent = true;
            }
            finally
            {
                if (sent)
                {
                    Interlocked.Add(ref _sent, buffer.Length);
                    reader.AdvanceTo(buffer.End);
                }
                else
                {
                    reader.AdvanceTo(buffer.Start, buffer.Start);
                }
            }

            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    /// <summary>Stops accepting commands; a running sender finishes what is buffered.</summary>
    public void Complete()
    {
        _gate.Wait();
        try
        {
            if (!_completed)
            {
                _completed = true;
                _pipe.Writer.Complete();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask PublishContendedAsync(string subject, string? replyTo, byte[]? replyPrefix, long replyToken, NatsHeaders? headers, int headerLength, ReadOnlyMemory<byte> payload, int size, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureRoom(size);
            var span = _pipe.Writer.GetSpan(size);
            WritePublish(span, subject, replyTo, replyPrefix, replyToken, headers, headerLength, payload.Span, headerLength + payload.Length);
        }
        catch
        {
            _gate.Release();
            throw;
        }

        await Commit(size, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask WriteControlAsync(byte[] command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Control commands must get through even when the reconnect buffer is full, or subscriptions would be lost.
            EnsureOpen();
            command.CopyTo(_pipe.Writer.GetSpan(command.Length));
        }
        catch
        {
            _gate.Release();
            throw;
        }

        await Commit(command.Length, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Advances the pipe, flushes it, and releases the gate once the flush completed.</summary>
    private ValueTask Commit(int size, CancellationToken cancellationToken)
    {
        if (size > 0)
        {
            _pipe.Writer.Advance(size);
            Interlocked.Add(ref _written, size);
        }

        ValueTask<FlushResult> flush;
        try
        {
            flush = _pipe.Writer.FlushAsync(cancellationToken);
        }
        catch
        {
            _gate.Release();
            throw;
        }

        if (flush.IsCompletedSuccessfully)
        {
            _gate.Release();
            return default;
        }

        return AwaitFlushAsync(flush);
    }

    private async ValueTask AwaitFlushAsync(ValueTask<FlushResult> flush)
    {
        try
        {
            await flush.ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void EnsureRoom(int size)
    {
        EnsureOpen();
        if (!_connected && PendingBytes + size > _reconnectBufferBytes)
        {
            throw new NatsReconnectBufferFullException(_reconnectBufferBytes);
        }
    }

    private void EnsureOpen()
    {
        if (_completed)
        {
            throw new NatsConnectionException("The connection is closed.");
        }
    }

    private static void WritePublish(Span<byte> span, string subject, string? replyTo, byte[]? replyPrefix, long replyToken, NatsHeaders? headers, int headerLength, ReadOnlySpan<byte> payload, int total)
    {
        int n;
        if (headers is null)
        {
            PubPrefix.CopyTo(span);
            n = PubPrefix.Length;
        }
        else
        {
            HPubPrefix.CopyTo(span);
            n = HPubPrefix.Length;
        }

        n += Encoding.UTF8.GetBytes(subject, span[n..]);
        span[n++] = (byte)' ';
        if (replyTo is not null)
        {
            n += Encoding.UTF8.GetBytes(replyTo, span[n..]);
            span[n++] = (byte)' ';
        }
        else if (replyPrefix is not null)
        {
            replyPrefix.CopyTo(span[n..]);
            n += replyPrefix.Length;
            Utf8Formatter.TryFormat(replyToken, span[n..], out var written);
            n += written;
            span[n++] = (byte)' ';
        }

        if (headers is not null)
        {
            Utf8Formatter.TryFormat(headerLength, span[n..], out var written);
            n += written;
            span[n++] = (byte)' ';
        }

        Utf8Formatter.TryFormat(total, span[n..], out var totalWritten);
        n += totalWritten;
        CrLf.CopyTo(span[n..]);
        n += 2;
        if (headers is not null)
        {
            n += HeaderWireFormat.Write(headers, span[n..]);
        }

        payload.CopyTo(span[n..]);
        n += payload.Length;
        CrLf.CopyTo(span[n..]);
    }

    private static int DigitCount(long value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }
}
