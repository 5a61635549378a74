using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>
/// One MQTT 3.1.1 connection to one broker: CONNECT/CONNACK, subscriptions with QoS 0 and 1, publishing with QoS 0
/// and 1, explicit acknowledgement of received QoS 1 messages, and keep-alive. It does not reconnect: when the
/// connection is lost, <see cref="Messages"/> ends with <see cref="MqttConnectionLostException"/>,
/// <see cref="Completion"/> faults with it and <see cref="State"/> turns <see cref="MqttConnectionState.Lost"/>;
/// the caller opens a new connection (with the same client id and <see cref="MqttOptions.CleanSession"/> false to
/// resume the session) after its own back-off.
/// </summary>
public sealed class MqttConnection : IAsyncDisposable, IMqttPacketHandler
{
    private static readonly TimeSpan GracefulCloseTimeout = TimeSpan.FromSeconds(5);

    private readonly MqttOptions _options;
    private readonly MqttBrokerAddress _address;
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly PacketOutbox _outbox;
    private readonly PendingRequests _requests = new();
    private readonly InboundAckQueue _unacknowledged = new();
    private readonly SemaphoreSlim _ackGate = new(1, 1);
    private readonly Channel<MqttMessage> _messages;
    private readonly Lock _stateGate = new();
    private readonly TaskCompletionSource<bool> _connAck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private MqttConnectionState _state = MqttConnectionState.Connected;
    private bool _established;
    private MqttMessage? _undelivered;
    private volatile bool _readerWaitingForApplication;
    private long _pingSentTick;
    private int _pingOutstanding;
    private long _pingRequestsSent;
    private Exception? _lostError;
    private Task _readLoop = Task.CompletedTask;
    private Task _sendLoop = Task.CompletedTask;
    private Task _keepAliveLoop = Task.CompletedTask;

    private MqttConnection(MqttOptions options, MqttBrokerAddress address, Socket socket, Stream stream)
    {
        _options = options;
        _address = address;
        _socket = socket;
        _stream = stream;
        _outbox = new PacketOutbox(ClosedError);
        _messages = Channel.CreateBounded<MqttMessage>(new BoundedChannelOptions(options.MessageBufferCapacity)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The options the connection was made with.</summary>
    public MqttOptions Options => _options;

    /// <summary>The broker this connection is to.</summary>
    public MqttBrokerAddress Broker => _address;

    /// <summary>CONNACK's session present flag: the broker resumed a session kept for this client id.</summary>
    public bool SessionPresent { get; private set; }

    /// <summary>The current state; it changes once, from <see cref="MqttConnectionState.Connected"/> to lost or closed.</summary>
    public MqttConnectionState State
    {
        get
        {
            lock (_stateGate)
            {
                return _state;
            }
        }
    }

    /// <summary>Completes when the connection ends: successfully after <see cref="DisposeAsync"/>, faulted with <see cref="MqttConnectionLostException"/> when lost.</summary>
    public Task Completion => _completion.Task;

    /// <summary>
    /// Messages of every subscription in arrival order. After a loss the channel yields what was already received, then
    /// completes with <see cref="MqttConnectionLostException"/> as its error; after <see cref="DisposeAsync"/> it simply
    /// completes. <see cref="ReceiveAsync"/> and <see cref="ReadAllAsync"/> surface the loss exception itself.
    /// </summary>
    public ChannelReader<MqttMessage> Messages => _messages.Reader;

    /// <summary>QoS 1 messages received and not yet acknowledged on the wire.</summary>
    public int UnacknowledgedCount => _unacknowledged.Count;

    /// <summary>PINGREQs sent so far.</summary>
    internal long PingRequestsSent => Interlocked.Read(ref _pingRequestsSent);

    /// <summary>
    /// Connects and waits for the broker's CONNACK.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="MqttOptions.Validate"/>).</exception>
    /// <exception cref="MqttConnectionRefusedException">CONNACK refused the connection (e.g. bad user name or password, not authorized).</exception>
    /// <exception cref="MqttConnectionException">The broker could not be reached, TLS failed, or no CONNACK came within <see cref="MqttOptions.ConnectTimeout"/>.</exception>
    public static async Task<MqttConnection> ConnectAsync(MqttOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var address = MqttBrokerAddress.Parse(options.Url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        Socket socket;
        Stream stream;
        try
        {
            (socket, stream) = await MqttTransport.OpenAsync(address, options.Tls, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MqttConnectionException($"Connecting to the MQTT broker {address} did not complete within {options.ConnectTimeout.TotalMilliseconds:0} ms.");
        }

        var connection = new MqttConnection(options, address, socket, stream);
        try
        {
            await connection.HandshakeAsync(timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new MqttConnectionException($"The MQTT broker {address} sent no CONNACK within {options.ConnectTimeout.TotalMilliseconds:0} ms.");
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Waits for the next message. Throws <see cref="MqttConnectionLostException"/> once the messages received before
    /// a loss are read (where <see cref="ChannelReader{T}.ReadAsync"/> would wrap it in a
    /// <see cref="ChannelClosedException"/>), and <see cref="MqttException"/> after <see cref="DisposeAsync"/>.
    /// </summary>
    public async ValueTask<MqttMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _messages.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e) when (e.InnerException is MqttException inner)
        {
            ExceptionDispatchInfo.Throw(inner);
            throw;
        }
        catch (ChannelClosedException e)
        {
            throw new MqttException($"The MQTT connection to {_address} was closed.", e);
        }
    }

    /// <summary>
    /// Reads every message until the connection ends: the enumeration stops after <see cref="DisposeAsync"/> and
    /// throws <see cref="MqttConnectionLostException"/> after a loss.
    /// </summary>
    public IAsyncEnumerable<MqttMessage> ReadAllAsync(CancellationToken cancellationToken = default) => _messages.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Subscribes to one topic filter and returns the QoS the broker granted.</summary>
    /// <exception cref="MqttSubscriptionRefusedException">The broker refused the filter.</exception>
    public async Task<MqttQualityOfService> SubscribeAsync(string filter, MqttQualityOfService qos, CancellationToken cancellationToken = default)
    {
        var granted = await SubscribeAsync([new MqttTopicFilter(filter, qos)], cancellationToken).ConfigureAwait(false);
        return granted[0];
    }

    /// <summary>
    /// Subscribes to several topic filters in one SUBSCRIBE and returns the granted QoS of each, in order. Messages
    /// arrive on <see cref="Messages"/>, which must be read meanwhile (see <see cref="MqttOptions.MessageBufferCapacity"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A filter is invalid.</exception>
    /// <exception cref="MqttSubscriptionRefusedException">The broker refused at least one filter (the others are subscribed).</exception>
    /// <exception cref="MqttConnectionLostException">The connection was lost before the SUBACK came.</exception>
    public async Task<IReadOnlyList<MqttQualityOfService>> SubscribeAsync(IReadOnlyList<MqttTopicFilter> filters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Count == 0)
        {
            throw new ArgumentException("SUBSCRIBE needs at least one topic filter.", nameof(filters));
        }

        foreach (var filter in filters)
        {
            ArgumentNullException.ThrowIfNull(filter, nameof(filters));
            MqttTopic.EnsureValidFilter(filter.Filter, nameof(filters));
            if (filter.Qos is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
            {
                throw new ArgumentException($"Topic filter '{filter.Filter}': QoS {(int)filter.Qos} is not supported; this client subscribes with QoS 0 or 1.", nameof(filters));
            }
        }

        var (packetId, acknowledged) = await _requests.RegisterAsync(MqttPacketType.Subscribe, cancellationToken).ConfigureAwait(false);
        await _outbox.WriteAsync((packetId, filters), static (w, s) => MqttPacketEncoder.WriteSubscribe(w, s.packetId, s.filters), cancellationToken).ConfigureAwait(false);
        var codes = await acknowledged.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (codes.Length != filters.Count)
        {
            var error = new MqttProtocolException($"The MQTT broker answered a SUBSCRIBE of {filters.Count} filters with {codes.Length} return codes.");
            Lose(error);
            throw error;
        }

        var granted = new MqttQualityOfService[codes.Length];
        List<string>? refused = null;
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] == 0x80)
            {
                (refused ??= []).Add(filters[i].Filter);
            }
            else if (codes[i] > (byte)filters[i].Qos)
            {
                var error = new MqttProtocolException($"The MQTT broker granted QoS {codes[i]} for '{filters[i].Filter}', more than the QoS {(int)filters[i].Qos} asked for.");
                Lose(error);
                throw error;
            }
            else
            {
                granted[i] = (MqttQualityOfService)codes[i];
            }
        }

        return refused is null ? granted : throw new MqttSubscriptionRefusedException(refused);
    }

    /// <summary>Unsubscribes from the given topic filters and waits for the UNSUBACK.</summary>
    public async Task UnsubscribeAsync(IReadOnlyList<string> filters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Count == 0)
        {
            throw new ArgumentException("UNSUBSCRIBE needs at least one topic filter.", nameof(filters));
        }

        foreach (var filter in filters)
        {
            MqttTopic.EnsureValidFilter(filter, nameof(filters));
        }

        var (packetId, acknowledged) = await _requests.RegisterAsync(MqttPacketType.Unsubscribe, cancellationToken).ConfigureAwait(false);
        await _outbox.WriteAsync((packetId, filters), static (w, s) => MqttPacketEncoder.WriteUnsubscribe(w, s.packetId, s.filters), cancellationToken).ConfigureAwait(false);
        await acknowledged.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes a message. QoS 0 returns once the packet is queued for the socket; QoS 1 returns once the broker
    /// answered with PUBACK. Many publishes may be in flight at once.
    /// </summary>
    /// <exception cref="ArgumentException">The topic is not a valid topic name or the message exceeds MQTT's packet size.</exception>
    /// <exception cref="MqttConnectionLostException">The connection was lost before the PUBACK came: the message may or may not have reached the broker.</exception>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, MqttQualityOfService qos = MqttQualityOfService.AtMostOnce, bool retain = false, CancellationToken cancellationToken = default)
    {
        MqttTopic.EnsureValidName(topic);
        if (qos is not (MqttQualityOfService.AtMostOnce or MqttQualityOfService.AtLeastOnce))
        {
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "This client publishes with QoS 0 or 1.");
        }

        MqttPacketEncoder.PublishRemainingLength(topic, qos, payload.Length);
        if (qos == MqttQualityOfService.AtMostOnce)
        {
            await _outbox.WriteAsync((topic, retain, payload), static (w, s) => MqttPacketEncoder.WritePublish(w, s.topic, MqttQualityOfService.AtMostOnce, s.retain, 0, s.payload.Span), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (packetId, acknowledged) = await _requests.RegisterAsync(MqttPacketType.Publish, cancellationToken).ConfigureAwait(false);
        await _outbox.WriteAsync((topic, retain, payload, packetId), static (w, s) => MqttPacketEncoder.WritePublish(w, s.topic, MqttQualityOfService.AtLeastOnce, s.retain, s.packetId, s.payload.Span), cancellationToken).ConfigureAwait(false);
        await acknowledged.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends DISCONNECT (the broker then discards nothing of a persistent session, but drops the will), writes what
    /// is queued and closes the socket. Unacknowledged QoS 1 messages stay with the broker.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        bool wasConnected;
        lock (_stateGate)
        {
            wasConnected = _state == MqttConnectionState.Connected;
            if (wasConnected)
            {
                _state = MqttConnectionState.Closed;
            }
        }

        if (wasConnected)
        {
            using var timeout = new CancellationTokenSource(GracefulCloseTimeout);
            try
            {
                if (_established)
                {
                    await _outbox.WriteAsync(0, static (w, _) => MqttPacketEncoder.WriteDisconnect(w), timeout.Token).ConfigureAwait(false);
                }

                await _outbox.CompleteAsync(timeout.Token).ConfigureAwait(false);
                await _sendLoop.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or MqttException or IOException or SocketException or ObjectDisposedException)
            {
                // The socket is closed below either way; a broker that cannot take the DISCONNECT sees the close.
            }

            var closed = new MqttException($"The MQTT connection to {_address} was closed.");
            _requests.FailAll(closed);
            _messages.Writer.TryComplete();
            _connAck.TrySetException(closed);
            _completion.TrySetResult();
        }

        _outbox.Abort();
        Shutdown();
        await Task.WhenAll(_readLoop, _sendLoop, _keepAliveLoop).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        _lifetime.Dispose();
    }

    /// <summary>Sends the PUBACKs <paramref name="message"/>'s acknowledgement releases.</summary>
    internal async ValueTask AcknowledgeAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (State != MqttConnectionState.Connected)
        {
            throw LostErrorFor(message);
        }

        await _ackGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ready = _unacknowledged.Acknowledge(message);
            if (ready.Count > 0)
            {
                // Not cancellable: these ids have left the queue, so a cancelled write would drop their PUBACKs for good.
                await _outbox.WriteAsync(ready, static (w, ids) =>
                {
                    foreach (var id in ids)
                    {
                        MqttPacketEncoder.WritePubAck(w, id);
                    }
                }, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (MqttException)
        {
            throw LostErrorFor(message);
        }
        finally
        {
            _ackGate.Release();
        }
    }

    void IMqttPacketHandler.OnConnAck(bool sessionPresent, MqttConnectReturnCode returnCode)
    {
        if (_established)
        {
            throw new MqttProtocolException("The MQTT broker sent a second CONNACK.");
        }

        if (returnCode != MqttConnectReturnCode.Accepted)
        {
            throw new MqttConnectionRefusedException(returnCode, _address.ToString());
        }

        _established = true;
        SessionPresent = sessionPresent;
        _connAck.TrySetResult(true);
    }

    void IMqttPacketHandler.OnPublish(string topic, MqttQualityOfService qos, bool duplicate, bool retain, ushort packetId, byte[] payload)
    {
        EnsureEstablished("PUBLISH");
        var message = new MqttMessage(this, topic, qos, duplicate, retain, packetId, payload);
        if (qos == MqttQualityOfService.AtLeastOnce)
        {
            _unacknowledged.Add(message);
        }

        if (!_messages.Writer.TryWrite(message))
        {
            _undelivered = message;
        }
    }

    void IMqttPacketHandler.OnPubAck(ushort packetId)
    {
        EnsureEstablished("PUBACK");
        _requests.Complete(packetId, MqttPacketType.PubAck, []);
    }

    void IMqttPacketHandler.OnSubAck(ushort packetId, ReadOnlySpan<byte> returnCodes)
    {
        EnsureEstablished("SUBACK");
        _requests.Complete(packetId, MqttPacketType.SubAck, returnCodes.ToArray());
    }

    void IMqttPacketHandler.OnUnsubAck(ushort packetId)
    {
        EnsureEstablished("UNSUBACK");
        _requests.Complete(packetId, MqttPacketType.UnsubAck, []);
    }

    void IMqttPacketHandler.OnPingResp()
    {
        EnsureEstablished("PINGRESP");
        Interlocked.Exchange(ref _pingOutstanding, 0);
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        _sendLoop = RunSenderAsync();
        _readLoop = RunReaderAsync();
        var o = _options;
        try
        {
            await _outbox.WriteAsync(
                o,
                static (w, opt) => MqttPacketEncoder.WriteConnect(w, opt.ClientId, opt.CleanSession, (ushort)opt.KeepAlive.TotalSeconds, opt.Username, opt.Password),
                cancellationToken).ConfigureAwait(false);
        }
        catch (MqttConnectionLostException) when (!_established)
        {
            // Lost before CONNACK (e.g. a TLS 1.3 broker rejecting the client certificate after the handshake): the
            // CONNACK wait below already holds the connection error ConnectAsync promises.
        }

        await _connAck.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (o.KeepAlive > TimeSpan.Zero)
        {
            _keepAliveLoop = RunKeepAliveAsync();
        }
    }

    private async Task RunSenderAsync()
    {
        try
        {
            await _outbox.RunSenderAsync(_stream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Lose(e);
        }
    }

    private async Task RunReaderAsync()
    {
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_lifetime.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                try
                {
                    while (MqttPacketDecoder.TryDecode(ref buffer, _options.MaxIncomingPacketSize, this))
                    {
                        if (_undelivered is { } pending)
                        {
                            _undelivered = null;
                            _readerWaitingForApplication = true;
                            try
                            {
                                await _messages.Writer.WriteAsync(pending, _lifetime.Token).ConfigureAwait(false);
                            }
                            finally
                            {
                                _readerWaitingForApplication = false;
                            }
                        }
                    }
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }

                if (result.IsCompleted)
                {
                    throw new IOException(buffer.IsEmpty
                        ? "the broker closed the connection"
                        : $"the broker closed the connection in the middle of a packet ({buffer.Length} bytes of it received)");
                }
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Closed by DisposeAsync or after a loss already reported.
        }
        catch (ChannelClosedException)
        {
            // Closed by DisposeAsync while a message waited for room.
        }
        catch (Exception e) when (e is MqttException or IOException or SocketException or ObjectDisposedException)
        {
            Lose(e);
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task RunKeepAliveAsync()
    {
        var keepAliveMs = (long)_options.KeepAlive.TotalMilliseconds;
        var timeoutMs = (long)(_options.PingTimeout ?? _options.KeepAlive).TotalMilliseconds;
        var period = TimeSpan.FromMilliseconds(Math.Clamp(Math.Min(keepAliveMs, timeoutMs) / 4, 10, 1000));
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token).ConfigureAwait(false))
            {
                var now = Environment.TickCount64;
                if (Volatile.Read(ref _pingOutstanding) == 1)
                {
                    // A reader parked on a full message buffer cannot see the PINGRESP; the broker is not at fault then.
                    if (_readerWaitingForApplication)
                    {
                        Interlocked.Exchange(ref _pingSentTick, now);
                    }
                    else if (now - Interlocked.Read(ref _pingSentTick) > timeoutMs)
                    {
                        Lose(new TimeoutException($"no PINGRESP came within {timeoutMs} ms of a PINGREQ (keep-alive {_options.KeepAlive.TotalSeconds:0} s)"));
                        return;
                    }

                    continue;
                }

                // Sent one period early at the latest, so the broker never sees more than the keep-alive in silence.
                if (now - _outbox.LastQueuedTick >= keepAliveMs - (long)period.TotalMilliseconds)
                {
                    Interlocked.Exchange(ref _pingSentTick, now);
                    Interlocked.Exchange(ref _pingOutstanding, 1);
                    await _outbox.WriteAsync(0, static (w, _) => MqttPacketEncoder.WritePingReq(w), _lifetime.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _pingRequestsSent);
                }
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
        }
        catch (MqttException)
        {
            // The outbox is closed: the connection has ended and whoever ended it has reported why.
        }
    }

    private void EnsureEstablished(string packet)
    {
        if (!_established)
        {
            throw new MqttProtocolException($"The MQTT broker sent {packet} before CONNACK.");
        }
    }

    private void Lose(Exception cause)
    {
        lock (_stateGate)
        {
            if (_state != MqttConnectionState.Connected)
            {
                return;
            }

            _state = MqttConnectionState.Lost;
        }

        Exception error;
        if (!_established)
        {
            error = cause as MqttConnectionException
                ?? new MqttConnectionException($"The MQTT connection to {_address} failed before CONNACK: {cause.Message}", cause);
            _connAck.TrySetException(error);
        }

        var lost = new MqttConnectionLostException($"The MQTT connection to {_address} was lost: {cause.Message}", cause);
        _lostError = lost;
        _requests.FailAll(lost);
        _messages.Writer.TryComplete(lost);
        _outbox.Abort();
        Shutdown();
        _completion.TrySetException(lost);
    }

    private void Shutdown()
    {
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        _socket.Dispose();
        _stream.Dispose();
    }

    private MqttConnectionLostException LostErrorFor(MqttMessage message)
    {
        var reason = _lostError?.Message ?? $"The MQTT connection to {_address} was closed.";
        return new MqttConnectionLostException(
            $"Cannot acknowledge packet {message.PacketId} on '{message.Topic}': {reason} The broker redelivers it to a persistent session (CleanSession = false).",
            _lostError);
    }

    private Exception ClosedError() => _lostError ?? new MqttConnectionLostException($"The MQTT connection to {_address} is closed.");
}
