using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// A connection to a NATS server or cluster: publish, subscribe and request/reply over one socket, with
/// reconnects across the server pool that keep subscriptions and buffer what is published meanwhile.
/// </summary>
public sealed partial class NatsConnection : IAsyncDisposable, IProtocolHandler
{
    private readonly NatsOptions _options;
    private readonly ILogger _logger;
    private readonly ServerPool _pool;
    private readonly PingTracker _pings = new();
    private readonly CommandWriter _writer;
    private readonly ConcurrentDictionary<long, NatsSubscription> _subscriptions = new();
    private readonly RequestMux _mux;
    private readonly SemaphoreSlim _muxGate = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _stateGate = new();
    private readonly Timer _pingTimer;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ServerSession? _session;
    private NatsConnectionState _state = NatsConnectionState.Connecting;
    private long _nextSid;
    private long _reconnects;
    private int _disposed;

    private NatsConnection(NatsOptions options)
    {
        _options = options;
        _logger = options.LoggerFactory.CreateLogger<NatsConnection>();
        _pool = new ServerPool(options);
        _writer = new CommandWriter(options, _pings);
        _mux = new RequestMux(options.InboxPrefix);
        _pingTimer = new Timer(static s => ((NatsConnection)s!).OnPingTimer(), this, options.PingInterval, options.PingInterval);
    }

    /// <summary>Raised on every change of <see cref="State"/>, including each successful reconnect.</summary>
    public event EventHandler<NatsConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>Raised when the server reports an error (<c>-ERR</c>), e.g. a permissions violation.</summary>
    public event EventHandler<string>? ServerError;

    /// <summary>The options the connection was made with.</summary>
    public NatsOptions Options => _options;

    /// <summary>INFO of the server the connection is on, or was last on.</summary>
    public NatsServerInfo? ServerInfo { get; private set; }

    /// <summary>The current state.</summary>
    public NatsConnectionState State
    {
        get
        {
            lock (_stateGate)
            {
                return _state;
            }
        }
    }

    /// <summary>URL of the server the connection is on.</summary>
    public string? ConnectedUrl => _session?.Address.ToString();

    /// <summary>How many times the connection was re-established after a loss.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>The last error the server reported.</summary>
    public string? LastServerError { get; private set; }

    /// <summary>Bytes accepted and not yet written to the socket.</summary>
    public long PendingBytes => _writer.PendingBytes;

    /// <summary>Connects to the first reachable server of <see cref="NatsOptions.Urls"/>.</summary>
    /// <exception cref="NatsAuthorizationException">The server refused the credentials.</exception>
    /// <exception cref="NatsConnectionException">No server could be reached.</exception>
    public static async Task<NatsConnection> ConnectAsync(NatsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var connection = new NatsConnection(options);
        try
        {
            await connection.ConnectFirstAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Connects to one server URL with default options.</summary>
    public static Task<NatsConnection> ConnectAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return ConnectAsync(new NatsOptions { Urls = [url] }, cancellationToken);
    }

    /// <summary>
    /// Publishes a message. It is written to the connection's buffer and leaves with the next socket write;
    /// while reconnecting it waits in the buffer, bounded by <see cref="NatsOptions.ReconnectBufferBytes"/>.
    /// </summary>
    /// <exception cref="NatsPayloadTooLargeException">Headers plus payload exceed the server's max_payload.</exception>
    public ValueTask PublishAsync(string subject, ReadOnlyMemory<byte> payload, NatsHeaders? headers = null, string? replyTo = null, CancellationToken cancellationToken = default)
    {
        NatsSubject.EnsureValid(subject);
        if (replyTo is not null)
        {
            NatsSubject.EnsureValid(replyTo, nameof(replyTo));
        }

        return _writer.PublishAsync(subject, replyTo, headers, payload, cancellationToken);
    }

    /// <summary>Subscribes to <paramref name="subject"/>, optionally as a member of a queue group.</summary>
    public ValueTask<NatsSubscription> SubscribeAsync(string subject, string? queueGroup = null, CancellationToken cancellationToken = default)
        => SubscribeAsync(subject, queueGroup, _options.SubscriptionCapacity, cancellationToken);

    /// <summary>Subscribes with its own queue capacity.</summary>
    public async ValueTask<NatsSubscription> SubscribeAsync(string subject, string? queueGroup, int capacity, CancellationToken cancellationToken = default)
    {
        NatsSubject.EnsureValid(subject);
        if (queueGroup is not null)
        {
            NatsSubject.EnsureValidQueueGroup(queueGroup);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new NatsSubscription(this, Interlocked.Increment(ref _nextSid), subject, queueGroup, capacity);
        _subscriptions[subscription.Sid] = subscription;
        try
        {
            await _writer.SubscribeAsync(subscription.Sid, subject, queueGroup, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _subscriptions.TryRemove(subscription.Sid, out _);
            throw;
        }

        return subscription;
    }

    /// <summary>Sends a request and waits for the first reply.</summary>
    /// <exception cref="NatsNoRespondersException">Nobody subscribes to <paramref name="subject"/>.</exception>
    /// <exception cref="NatsTimeoutException">No reply within the timeout (default <see cref="NatsOptions.RequestTimeout"/>).</exception>
    public async Task<NatsMsg> RequestAsync(string subject, ReadOnlyMemory<byte> payload, NatsHeaders? headers = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        NatsSubject.EnsureValid(subject);
        if (_mux.Sid == 0)
        {
            await EnsureMuxAsync(cancellationToken).ConfigureAwait(false);
        }

        var request = _mux.Register(subject, timeout ?? _options.RequestTimeout, cancellationToken);
        try
        {
            await _writer.PublishAsync(subject, null, _mux.PrefixUtf8, request.Token, headers, payload, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _mux.Forget(request);
            throw;
        }

        return await request.Task.ConfigureAwait(false);
    }

    /// <summary>A new unique inbox subject.</summary>
    public string NewInbox() => $"{_options.InboxPrefix}.{Nuid.Shared.Next()}";

    /// <summary>Waits until the server has processed everything written so far (a PING/PONG round trip).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var pong = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            await _writer.PingAsync(pong, cancellationToken).ConfigureAwait(false);
            if (await pong.Task.WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            // The PING went to a connection that died before answering: ask again on the next one.
            await WaitConnectedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the connection is connected (returns at once when it is).</summary>
    public Task WaitConnectedAsync(CancellationToken cancellationToken = default)
    {
        Task wait;
        lock (_stateGate)
        {
            if (_state == NatsConnectionState.Closed)
            {
                throw new NatsConnectionException("The connection is closed.");
            }

            wait = _connected.Task;
        }

        return wait.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Stops every subscription (messages already queued stay readable), sends what is buffered, and closes.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        SetState(NatsConnectionState.Draining, null);
        var draining = _subscriptions.Values.ToList();
        foreach (var subscription in draining)
        {
            await _writer.UnsubscribeAsync(subscription.Sid, cancellationToken).ConfigureAwait(false);
        }

        // Once the PONG arrives, every message the server sent before processing the UNSUBs has been delivered.
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        foreach (var subscription in draining)
        {
            _subscriptions.TryRemove(subscription.Sid, out _);
            subscription.Complete(null);
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Sends what is buffered (for up to two seconds) and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_session is not null && _writer.Connected && _writer.PendingBytes > 0)
        {
            using var flushTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await FlushAsync(flushTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or NatsException)
            {
                LogFlushOnCloseFailed(_logger, e.Message);
            }
        }

        SetState(NatsConnectionState.Closed, null);
        await _pingTimer.DisposeAsync().ConfigureAwait(false);
        await _lifetime.CancelAsync().ConfigureAwait(false);
        _writer.Complete();
        _session?.Dispose();
        var closed = new NatsConnectionException("The connection is closed.");
        _mux.FailAll(closed);
        _mux.Dispose();
        _pings.FailAll(closed);
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Complete(null);
        }

        _subscriptions.Clear();
        _connected.TrySetException(closed);
    }

    internal async ValueTask UnsubscribeAsync(NatsSubscription subscription, CancellationToken cancellationToken)
    {
        if (_subscriptions.TryRemove(subscription.Sid, out _) && Volatile.Read(ref _disposed) == 0)
        {
            await _writer.UnsubscribeAsync(subscription.Sid, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureMuxAsync(CancellationToken cancellationToken)
    {
        await _muxGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_mux.Sid != 0)
            {
                return;
            }

            var sid = Interlocked.Increment(ref _nextSid);
            await _writer.SubscribeAsync(sid, _mux.Subject, null, cancellationToken).ConfigureAwait(false);
            _mux.Sid = sid;
        }
        finally
        {
            _muxGate.Release();
        }
    }

    private async Task ConnectFirstAsync(CancellationToken cancellationToken)
    {
        Exception? last = null;
        foreach (var address in _pool.ReconnectOrder(null))
        {
            try
            {
                var session = await ServerSession.ConnectAsync(address, _options, cancellationToken).ConfigureAwait(false);
                await StartSessionAsync(session).ConfigureAwait(false);
                return;
            }
            catch (NatsAuthorizationException)
            {
                throw;
            }
            catch (NatsConnectionException e)
            {
                LogConnectFailed(_logger, address.ToString(), e.Message);
                last = e;
            }
        }

        var servers = string.Join(", ", _pool.Snapshot());
        throw new NatsConnectionException($"Could not connect to any NATS server ({servers}): {last?.Message}", last);
    }

    private async Task StartSessionAsync(ServerSession session)
    {
        ServerInfo = session.Info;
        _writer.MaxPayload = session.Info.MaxPayload;
        _pool.AddDiscovered(session.Info.ConnectUrls, session.Address.Tls);

        // Subscriptions go out before anything buffered, so replies and messages to them are not missed.
        var resubscribe = new ArrayBufferWriter<byte>();
        if (_mux.Sid != 0)
        {
            resubscribe.Write(CommandWriter.FormatSub(_mux.Sid, _mux.Subject, null));
        }

        foreach (var subscription in _subscriptions.Values)
        {
            resubscribe.Write(CommandWriter.FormatSub(subscription.Sid, subscription.Subject, subscription.QueueGroup));
        }

        if (resubscribe.WrittenCount > 0)
        {
            try
            {
                await session.Stream.WriteAsync(resubscribe.WrittenMemory, session.Lifetime).ConfigureAwait(false);
                await session.Stream.FlushAsync(session.Lifetime).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                session.Dispose();
                throw new NatsConnectionException($"Re-subscribing on {session.Address} failed: {e.Message}", e);
            }
        }

        lock (_stateGate)
        {
            if (_state == NatsConnectionState.Closed)
            {
                session.Dispose();
                throw new NatsConnectionException("The connection was closed while connecting.");
            }

            _session = session;
        }

        _writer.Connected = true;
        SetState(NatsConnectionState.Connected, session.Address.ToString());
        LogConnected(_logger, session.Address.ToString(), session.Info.ServerName, session.Info.Version);
        _ = RunSessionAsync(session);
    }

    private async Task RunSessionAsync(ServerSession session)
    {
        var sender = _writer.RunSenderAsync(session.Stream, session.Lifetime);
        var reader = session.ReadLoopAsync(this);
        var first = await Task.WhenAny(sender, reader).ConfigureAwait(false);
        var error = first.Exception?.GetBaseException();
        session.Abort();
        try
        {
            await Task.WhenAll(sender, reader).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or NatsException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            error ??= e;
        }

        _writer.Connected = false;
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        _pings.OnConnectionLost(_writer.SentBytes);
        LogDisconnected(_logger, session.Address.ToString(), error?.Message ?? "closed");
        lock (_stateGate)
        {
            if (_connected.Task.IsCompleted)
            {
                _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        SetState(NatsConnectionState.Reconnecting, session.Address.ToString(), error);
        session.Dispose();
        await ReconnectAsync(session.Address).ConfigureAwait(false);
    }

    private async Task ReconnectAsync(NatsServerAddress lost)
    {
        var token = _lifetime.Token;
        for (var round = 0; _options.MaxReconnectAttempts < 0 || round < _options.MaxReconnectAttempts; round++)
        {
            if (round > 0)
            {
                var backoff = TimeSpan.FromTicks(Math.Min(_options.ReconnectWaitMin.Ticks << Math.Min(round - 1, 16), _options.ReconnectWaitMax.Ticks))
                    + (_options.ReconnectJitter * Random.Shared.NextDouble());
                try
                {
                    await Task.Delay(backoff, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            foreach (var address in _pool.ReconnectOrder(lost))
            {
                if (token.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    var session = await ServerSession.ConnectAsync(address, _options, token).ConfigureAwait(false);
                    await StartSessionAsync(session).ConfigureAwait(false);
                    Interlocked.Increment(ref _reconnects);
                    return;
                }
                catch (Exception e) when (e is NatsException or IOException or OperationCanceledException or System.Net.Sockets.SocketException)
                {
                    if (token.IsCancellationRequested)
                    {
                        return;
                    }

                    LogConnectFailed(_logger, address.ToString(), e.Message);
                }
            }
        }

        var error = new NatsConnectionException($"Gave up reconnecting after {_options.MaxReconnectAttempts} rounds over {string.Join(", ", _pool.Snapshot())}.");
        LogGaveUp(_logger, _options.MaxReconnectAttempts);
        SetState(NatsConnectionState.Closed, null, error);
        _mux.FailAll(error);
        _pings.FailAll(error);
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Complete(error);
        }

        lock (_stateGate)
        {
            _connected.TrySetException(error);
        }
    }

    private void OnPingTimer()
    {
        var session = _session;
        if (session is null || State != NatsConnectionState.Connected)
        {
            return;
        }

        if (_pings.Outstanding >= _options.MaxPingsOut)
        {
            LogStale(_logger, session.Address.ToString(), _pings.Outstanding);
            session.Abort();
            return;
        }

        Observe(_writer.PingAsync(null, CancellationToken.None));
    }

    private void SetState(NatsConnectionState state, string? server, Exception? error = null)
    {
        lock (_stateGate)
        {
            if (_state == NatsConnectionState.Closed || (_state == NatsConnectionState.Draining && state != NatsConnectionState.Closed))
            {
                return;
            }

            _state = state;
            if (state == NatsConnectionState.Connected)
            {
                _connected.TrySetResult();
            }
        }

        try
        {
            StateChanged?.Invoke(this, new NatsConnectionStateChangedEventArgs(state, server, error));
        }
#pragma warning disable CA1031 // A subscriber's failure must not break the connection's state machine.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, e.Message);
        }
    }

    private static async void Observe(ValueTask task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Keep-alives and PONGs are best effort; no failure of theirs may end the process.
        catch (Exception)
#pragma warning restore CA1031
        {
            // The connection is closing, reconnecting or full; the next ping or the reconnect takes care of it.
        }
    }

    void IProtocolHandler.OnMessage(ReadOnlySpan<byte> subject, long sid, ReadOnlySpan<byte> replyTo, in ReadOnlySequence<byte> headers, in ReadOnlySequence<byte> payload)
    {
        NatsHeaders? parsedHeaders = null;
        if (headers.Length > 0)
        {
            parsedHeaders = headers.IsSingleSegment ? HeaderWireFormat.Parse(headers.FirstSpan) : HeaderWireFormat.Parse(headers.ToArray());
        }

        var data = payload.Length == 0 ? ReadOnlyMemory<byte>.Empty : payload.ToArray();
        var reply = replyTo.IsEmpty ? null : Encoding.UTF8.GetString(replyTo);
        if (sid == _mux.Sid)
        {
            _mux.TryComplete(subject, new NatsMsg(Encoding.UTF8.GetString(subject), reply, parsedHeaders, data, this));
            return;
        }

        if (!_subscriptions.TryGetValue(sid, out var subscription))
        {
            return;
        }

        var subjectText = !subscription.IsWildcard && subject.SequenceEqual(subscription.SubjectUtf8) ? subscription.Subject : Encoding.UTF8.GetString(subject);
        subscription.Deliver(new NatsMsg(subjectText, reply, parsedHeaders, data, this));
    }

    void IProtocolHandler.OnPing() => Observe(_writer.PongAsync(CancellationToken.None));

    void IProtocolHandler.OnPong() => _pings.OnPong();

    void IProtocolHandler.OnInfo(ReadOnlySpan<byte> json)
    {
        var info = JsonSerializer.Deserialize(json, NatsJsonContext.Default.NatsServerInfo);
        if (info is null)
        {
            return;
        }

        ServerInfo = info;
        _writer.MaxPayload = info.MaxPayload;
        var session = _session;
        _pool.AddDiscovered(info.ConnectUrls, session?.Address.Tls ?? false);
        if (info.LameDuckMode && session is not null)
        {
            // The server is about to close its clients; move now, while the rest of the cluster is up.
            LogLameDuck(_logger, session.Address.ToString());
            session.Abort();
        }
    }

    void IProtocolHandler.OnError(string message)
    {
        LastServerError = message;
        LogServerError(_logger, ConnectedUrl ?? "?", message);
        try
        {
            ServerError?.Invoke(this, message);
        }
#pragma warning disable CA1031 // A subscriber's failure must not break the read loop.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to NATS {Server} ({ServerName}, version {Version})")]
    private static partial void LogConnected(ILogger logger, string server, string serverName, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting to NATS {Server} failed: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string server, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost NATS {Server}: {Reason}; reconnecting")]
    private static partial void LogDisconnected(ILogger logger, string server, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up reconnecting to NATS after {Rounds} rounds")]
    private static partial void LogGaveUp(ILogger logger, int rounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS {Server} did not answer {Pings} PINGs; treating the connection as dead")]
    private static partial void LogStale(ILogger logger, string server, int pings);

    [LoggerMessage(Level = LogLevel.Information, Message = "NATS {Server} entered lame duck mode; moving to another server")]
    private static partial void LogLameDuck(ILogger logger, string server);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS {Server} reported: {Error}")]
    private static partial void LogServerError(ILogger logger, string server, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A NATS connection event handler failed: {Reason}")]
    private static partial void LogHandlerFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not flush buffered NATS commands on close: {Reason}")]
    private static partial void LogFlushOnCloseFailed(ILogger logger, string reason);
}
