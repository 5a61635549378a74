using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Channels;

namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>
/// One connection's machinery: commands are encoded into a buffer that a single send loop swaps out and writes in one
/// go (so everything issued meanwhile leaves together), and a single read loop matches replies to the FIFO of pending
/// commands. A pending entry leaves the queue only when its reply arrived, whether or not anyone still waits for it,
/// so a cancelled caller never shifts the replies of the others. Any transport or protocol failure fails every
/// pending command and every later one with the same <see cref="RedisConnectionException"/>.
/// </summary>
internal sealed class RespSession : IAsyncDisposable
{
    private const int InitialBufferBytes = 16 * 1024;
    private const int RetainedBufferBytes = 1024 * 1024;

    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly string _endpoint;
    private readonly Func<RedisReply, CancellationToken, ValueTask<bool>>? _push;
    private readonly Action<RedisConnectionException>? _onFailure;
    private readonly Lock _lock = new();
    private readonly Queue<PendingReply> _pending = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<RedisConnectionException> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ArrayBufferWriter<byte> _filling = new(InitialBufferBytes);
    private ArrayBufferWriter<byte> _sending = new(InitialBufferBytes);
    private int _headReplies;
    private RedisConnectionException? _failure;
    private Task _readLoop = Task.CompletedTask;
    private Task _sendLoop = Task.CompletedTask;

    private RespSession(
        Stream stream,
        string endpoint,
        Func<RedisReply, CancellationToken, ValueTask<bool>>? push,
        Action<RedisConnectionException>? onFailure)
    {
        _stream = stream;
        _endpoint = endpoint;
        _push = push;
        _onFailure = onFailure;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4096, leaveOpen: true));
    }

    /// <summary>Completes, with the reason, once the connection is lost or disposed.</summary>
    public Task<RedisConnectionException> Closed => _closed.Task;

    /// <summary>Null while the connection works; afterwards why it stopped.</summary>
    public RedisConnectionException? Failure => Volatile.Read(ref _failure);

    /// <summary>Commands written whose replies have not arrived yet.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Connects, starts both loops and runs AUTH / SELECT / CLIENT SETNAME pipelined. <paramref name="push"/> sees every
    /// reply first and returns true for those that are not replies to a command (pub/sub messages).
    /// </summary>
    public static async Task<RespSession> OpenAsync(
        RedisOptions options,
        Func<RedisReply, CancellationToken, ValueTask<bool>>? push,
        Action<RedisConnectionException>? onFailure,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        RespSession? session = null;
        try
        {
            var stream = await RespTransport.OpenAsync(options, timeout.Token).ConfigureAwait(false);
            session = new RespSession(stream, options.Endpoint, push, onFailure);
            session.Start();
            await session.HandshakeAsync(options, timeout.Token).ConfigureAwait(false);
            return session;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await DisposeQuietlyAsync(session).ConfigureAwait(false);
            throw new RedisConnectionException(
                $"Connecting to Redis at {options.Endpoint} did not complete within {options.ConnectTimeout.TotalSeconds:0.###} s.");
        }
        catch
        {
            await DisposeQuietlyAsync(session).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Encodes the command into the send buffer and queues its completion; the returned task ends with the reply, or
    /// faults with <see cref="RedisServerException"/> for an error reply or <see cref="RedisConnectionException"/>.
    /// </summary>
    public Task<RedisReply> Send(ReadOnlySpan<RedisArgument> command, int expectedReplies, CancellationToken cancellationToken)
    {
        if (command.IsEmpty)
        {
            throw new ArgumentException("A Redis command needs at least its name.", nameof(command));
        }

        foreach (var argument in command)
        {
            if (argument.IsEmpty)
            {
                throw new ArgumentException($"Argument of the Redis command {command[0]} is a default RedisArgument, which carries no value.", nameof(command));
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<RedisReply>(cancellationToken);
        }

        var completion = new TaskCompletionSource<RedisReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_failure is not null)
            {
                return Task.FromException<RedisReply>(_failure);
            }

            RedisArgument.WriteHeader(_filling, (byte)'*', command.Length);
            foreach (var argument in command)
            {
                argument.WriteTo(_filling);
            }

            _pending.Enqueue(new PendingReply(completion, command[0], expectedReplies));
        }

        _wake.Writer.TryWrite(true);
        return cancellationToken.CanBeCanceled ? completion.Task.WaitAsync(cancellationToken) : completion.Task;
    }

    /// <summary>Closes the connection; pending commands fail with <see cref="RedisConnectionException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        Fail(new RedisConnectionException($"The connection to Redis at {_endpoint} was closed by its owner."));
        await Task.WhenAll(_readLoop, _sendLoop).ConfigureAwait(false);
        await _reader.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private static async Task DisposeQuietlyAsync(RespSession? session)
    {
        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Start()
    {
        _readLoop = Task.Run(ReadLoopAsync);
        _sendLoop = Task.Run(SendLoopAsync);
    }

    private async Task HandshakeAsync(RedisOptions options, CancellationToken cancellationToken)
    {
        Task<RedisReply>? auth = null;
        if (options.Password is not null)
        {
            auth = options.UserName is null
                ? Send(["AUTH", options.Password], 1, cancellationToken)
                : Send(["AUTH", options.UserName, options.Password], 1, cancellationToken);
        }

        var select = options.Database != 0 ? Send(["SELECT", options.Database], 1, cancellationToken) : null;
        var name = options.ClientName is not null ? Send(["CLIENT", "SETNAME", options.ClientName], 1, cancellationToken) : null;

        // When AUTH fails the later steps fail too; their errors are expected and must not surface as unobserved.
        foreach (var step in new[] { auth, select, name })
        {
            _ = step?.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        if (auth is not null)
        {
            try
            {
                await auth.ConfigureAwait(false);
            }
            catch (RedisServerException e)
            {
                throw new RedisAuthenticationException(options.Endpoint, options.UserName, e);
            }
        }

        foreach (var step in new[] { select, name })
        {
            if (step is null)
            {
                continue;
            }

            try
            {
                await step.ConfigureAwait(false);
            }
            catch (RedisServerException e) when (e.ErrorCode == "NOAUTH")
            {
                throw new RedisAuthenticationException(options.Endpoint, options.UserName, e);
            }
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            var token = _stop.Token;
            while (await _wake.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                _wake.Reader.TryRead(out _);
                while (true)
                {
                    ArrayBufferWriter<byte> batch;
                    lock (_lock)
                    {
                        if (_filling.WrittenCount == 0)
                        {
                            break;
                        }

                        batch = _filling;
                        _filling = _sending;
                        _sending = batch;
                    }

                    await _stream.WriteAsync(batch.WrittenMemory, token).ConfigureAwait(false);
                    if (batch.Capacity > RetainedBufferBytes)
                    {
                        // One huge command must not pin its buffer for the connection's lifetime.
                        _sending = new ArrayBufferWriter<byte>(InitialBufferBytes);
                    }
                    else
                    {
                        batch.ResetWrittenCount();
                    }
                }

                await _stream.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            var token = _stop.Token;
            while (true)
            {
                var result = await _reader.ReadAsync(token).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (RespReplyParser.TryParse(ref buffer, out var reply))
                {
                    if (_push is not null && await _push(reply, token).ConfigureAwait(false))
                    {
                        continue;
                    }

                    Complete(reply);
                }

                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    Fail(new RedisConnectionException(
                        $"Redis at {_endpoint} closed the connection{(buffer.IsEmpty ? string.Empty : " in the middle of a reply")}."));
                    return;
                }
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    private void Complete(RedisReply reply)
    {
        PendingReply head;
        lock (_lock)
        {
            if (!_pending.TryPeek(out head))
            {
                throw new RedisProtocolException($"Redis at {_endpoint} sent a reply no command was waiting for: {reply}.");
            }

            _headReplies++;
            if (_headReplies < head.ExpectedReplies && reply.Kind != RedisReplyKind.Error)
            {
                return;
            }

            _pending.Dequeue();
            _headReplies = 0;
        }

        if (reply.Kind == RedisReplyKind.Error)
        {
            head.Completion.TrySetException(new RedisServerException(head.Command.ToString().ToUpperInvariant(), reply.AsString()!));
        }
        else
        {
            head.Completion.TrySetResult(reply);
        }
    }

    private void Fail(Exception cause)
    {
        var failure = cause as RedisConnectionException ?? new RedisConnectionException(
            cause is OperationCanceledException
                ? $"The connection to Redis at {_endpoint} was closed."
                : $"The connection to Redis at {_endpoint} was lost: {cause.Message}",
            cause);
        PendingReply[] orphans;
        lock (_lock)
        {
            if (_failure is not null)
            {
                return;
            }

            Volatile.Write(ref _failure, failure);
            orphans = [.. _pending];
            _pending.Clear();
        }

        foreach (var orphan in orphans)
        {
            orphan.Completion.TrySetException(failure);
        }

        _wake.Writer.TryComplete();
        _stop.Cancel();
        _stream.Dispose();
        _onFailure?.Invoke(failure);
        _closed.TrySetResult(failure);
    }
}
