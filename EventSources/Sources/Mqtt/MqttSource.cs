using System.Threading.Channels;
using ArgoEvents.EventSources.Protocols.Mqtt;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.ServiceDefaults.EventBus;
using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Mqtt;

/// <summary>
/// One mqtt event: connects (retrying per <c>connectionBackoff</c>), subscribes to the topic and turns every message
/// into an event; when the connection drops it connects and subscribes again.
/// <para>
/// With QoS 0 (Argo's) the session is clean and a message is gone once received, whether its publication succeeds or
/// not. With QoS 1 the session is persistent: a message is acknowledged (PUBACK, in arrival order) only once the bus
/// stored its event, so the broker keeps it across a crash, a failover or a bus outage; a message whose publication
/// fails is left unacknowledged and the connection is dropped, so the broker hands it back on the next one.
/// Publications are pipelined (several in flight); acknowledgements stay in order.
/// </para>
/// <para>
/// Redelivery makes a message that a crashed leader had already published arrive again (with the DUP flag). Event ids
/// derived from the message cannot catch that: the only id MQTT gives is the 16-bit packet id, which the broker reuses
/// every 65,535 deliveries (seconds at a few thousand messages per second) while the bus drops equal ids for minutes,
/// so derived ids would make the bus drop distinct messages. Event ids are therefore random, and duplicates are
/// recognised by content instead: whenever the broker resumes a session (CONNACK session present), before any message
/// is handled the source reads the newest events of this event from the bus (<c>EventSource:Mqtt:RecentEvents</c>,
/// default 1000), and a redelivered (DUP) message whose payload, built exactly as it would be published (topic, packet
/// id, body, metadata), equals one of theirs is acknowledged without publishing again. The packet id inside the
/// payload keeps distinct messages that were in flight together apart. What remains possible: a redelivered message
/// identical in topic, packet id and body to an older event among those read is taken for it and not published.
/// </para>
/// </summary>
internal sealed partial class MqttSource : IActiveSource
{
    private static readonly TimeSpan MaxFailurePause = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecentEventsTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LostConnectionPause = TimeSpan.FromMilliseconds(500);

    private readonly MqttSourceOptions _options;
    private readonly IEventDispatcher _dispatcher;
    private readonly EventBusConnection _bus;
    private readonly ArgoEventsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _failures;

    /// <summary>Creates the source.</summary>
    public MqttSource(MqttSourceOptions options, IEventDispatcher dispatcher, EventBusConnection bus, ArgoEventsMetrics metrics, TimeProvider time, ILogger<MqttSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _dispatcher = dispatcher;
        _bus = bus;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string EventName => _options.EventName;

    private string EventSourceName => _options.EventSourceName;

    private bool AtLeastOnce => _options.Qos == MqttQualityOfService.AtLeastOnce;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            SessionEnd end;
            try
            {
                end = await ConsumeAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // DISCONNECT keeps a persistent session: what was not acknowledged stays with the broker.
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            LogConnectionEnded(_logger, EventSourceName, EventName, _options.DisplayUrl, end.Reason);
            if (end.Failed)
            {
                await PauseAfterFailureAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Two clients with one client id take the session from each other on every connect: do not race.
                await Task.Delay(LostConnectionPause * (1 + Random.Shared.NextDouble()), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<MqttConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var connection = await MqttConnection.ConnectAsync(_options.Connection, cancellationToken).ConfigureAwait(false);
                LogConnected(_logger, EventSourceName, EventName, _options.DisplayUrl, _options.Connection.ClientId, connection.SessionPresent);
                return connection;
            }
            catch (MqttConnectionException e)
            {
                var refusedLogin = e is MqttConnectionRefusedException { ReturnCode: MqttConnectReturnCode.BadUserNameOrPassword or MqttConnectReturnCode.NotAuthorized };
                if (attempt >= _options.Backoff.Steps)
                {
                    throw new MqttSourceException(refusedLogin
                        ? $"The MQTT broker {_options.DisplayUrl} refused the login of user '{_options.DisplayUser}' (client id '{_options.Connection.ClientId}') {attempt} time(s) (connectionBackoff.steps): {e.Message} Check spec.mqtt.{EventName}.auth."
                        : $"Connecting to the MQTT broker {_options.DisplayUrl} as user '{_options.DisplayUser}' failed {attempt} time(s) (connectionBackoff.steps): {e.Message}", e);
                }

                var delay = _options.Backoff.Delay(attempt, Random.Shared);
                LogConnectFailed(_logger, EventSourceName, EventName, _options.DisplayUrl, _options.DisplayUser, attempt, e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Subscribes and handles messages until the connection ends or a publication fails; says why it ended.</summary>
    private async Task<SessionEnd> ConsumeAsync(MqttConnection connection, CancellationToken cancellationToken)
    {
        MqttStoredPayloads? stored = null;
        if (AtLeastOnce && connection.SessionPresent)
        {
            try
            {
                stored = await LoadStoredPayloadsAsync(cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Without the bus nothing can be published either: leave the messages with the broker and come back.
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                return new SessionEnd($"reading the newest events from the bus to recognise redeliveries failed: {e.Message}", Failed: true);
            }
        }

        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ended = new TaskCompletionSource<SessionEnd>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = Channel.CreateBounded<MqttPendingMessage>(new BoundedChannelOptions(_options.PublishWindow) { SingleReader = true, SingleWriter = true });
        var settling = SettleAllAsync(pending.Reader, ended, session);
        var reading = ReadAllAsync(connection, pending.Writer, stored, ended, session.Token);
        try
        {
            // Messages are read meanwhile: a resumed session may deliver more than the client buffers before the SUBACK.
            var granted = await connection.SubscribeAsync(_options.Topic, _options.Qos, session.Token).ConfigureAwait(false);
            LogSubscribed(_logger, EventSourceName, EventName, _options.DisplayUrl, _options.Topic, (int)granted, (int)_options.Qos);
            using var stop = cancellationToken.Register(() => ended.TrySetCanceled(cancellationToken));
            return await ended.Task.ConfigureAwait(false);
        }
        catch (MqttSubscriptionRefusedException e)
        {
            throw new MqttSourceException($"The MQTT broker {_options.DisplayUrl} refused the subscription of user '{_options.DisplayUser}' to '{_options.Topic}' (spec.mqtt.{EventName}.topic): {e.Message}", e);
        }
        catch (MqttConnectionLostException e)
        {
            return new SessionEnd(e.Message, Failed: false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && ended.Task.IsCompleted)
        {
            return await ended.Task.ConfigureAwait(false);
        }
        finally
        {
            await session.CancelAsync().ConfigureAwait(false);
            var (recognised, reported) = await reading.ConfigureAwait(false);
            pending.Writer.TryComplete();
            await settling.ConfigureAwait(false);
            if (stored is not null && !reported)
            {
                LogRecognised(_logger, EventSourceName, EventName, recognised, stored.EventCount);
            }
        }
    }

    private async Task<MqttStoredPayloads> LoadStoredPayloadsAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RecentEventsTimeout);
        var bus = await _bus.GetClientAsync(timeout.Token).ConfigureAwait(false);
        var stored = await MqttStoredPayloads.LoadAsync(bus, EventSourceName, EventName, _options.RecentEvents, timeout.Token).ConfigureAwait(false);
        LogResumed(_logger, EventSourceName, EventName, _options.Connection.ClientId, stored.EventCount);
        return stored;
    }

    /// <summary>
    /// Starts the publication of every message in arrival order and queues it for settling; returns how many
    /// redelivered messages were recognised as already on the bus, and whether that count was logged already.
    /// </summary>
    private async Task<(int Recognised, bool Reported)> ReadAllAsync(MqttConnection connection, ChannelWriter<MqttPendingMessage> pending, MqttStoredPayloads? stored, TaskCompletionSource<SessionEnd> ended, CancellationToken cancellationToken)
    {
        var recognised = 0;
        var reported = false;
        try
        {
            while (true)
            {
                var message = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                var started = _time.GetTimestamp();
                Task publication;
                var payload = MqttPayload.TryBuild(message.Topic, message.PacketId, message.Payload.Span, _options.JsonBody, _options.Metadata);
                if (payload is null)
                {
                    // It can never become valid: counted, logged and acknowledged (in its turn) so it is not redelivered.
                    _metrics.EventProcessingFailed(EventSourceName, EventName);
                    LogNotJson(_logger, EventSourceName, EventName, message.Topic, message.PacketId, message.Payload.Length);
                    publication = Task.CompletedTask;
                }
                else if (message.Duplicate && stored is not null && stored.TryTake(payload))
                {
                    recognised++;
                    publication = Task.CompletedTask;
                }
                else
                {
                    if (!message.Duplicate && stored is not null && !reported)
                    {
                        // The broker resends a resumed session's unacknowledged messages first: the first new one ends them.
                        reported = true;
                        LogRecognised(_logger, EventSourceName, EventName, recognised, stored.EventCount);
                    }

                    publication = Dispatch(payload, cancellationToken);
                }

                await pending.WriteAsync(new MqttPendingMessage(message, publication, started), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (MqttConnectionLostException e)
        {
            ended.TrySetResult(new SessionEnd(e.Message, Failed: false));
        }
        catch (Exception e) when (e is OperationCanceledException or MqttException or ChannelClosedException)
        {
            // The session is ending (cancelled, or the connection closed by this source).
        }

        return (recognised, reported);
    }

    private Task Dispatch(byte[] payload, CancellationToken cancellationToken)
    {
        try
        {
            return _dispatcher.DispatchAsync(EventName, payload, null, cancellationToken);
        }
#pragma warning disable CA1031 // A dispatcher that throws at once fails this message only; it is settled like any failed publication.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException(e);
        }
    }

    /// <summary>Waits for each publication in arrival order: acknowledges once stored; on a failure ends the session (QoS 1).</summary>
    private async Task SettleAllAsync(ChannelReader<MqttPendingMessage> pending, TaskCompletionSource<SessionEnd> ended, CancellationTokenSource session)
    {
        var failed = false;
        await foreach (var entry in pending.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await entry.Publication.ConfigureAwait(false);
                if (!failed)
                {
                    Interlocked.Exchange(ref _failures, 0);
                    await entry.Message.AckAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (session.IsCancellationRequested)
            {
                // Left unacknowledged: the broker redelivers it to the persistent session.
            }
            catch (MqttException e)
            {
                // The connection is gone, so the broker hands the message back; its event is recognised on the bus then.
                LogAckLost(_logger, EventSourceName, EventName, entry.Message.PacketId, e.Message);
            }
#pragma warning disable CA1031 // A message that cannot be published is counted and, with QoS 1, left for redelivery.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _metrics.EventProcessingFailed(EventSourceName, EventName);
                LogPublishFailed(_logger, e, EventSourceName, EventName, entry.Message.Topic, entry.Message.PacketId, AtLeastOnce);
                if (AtLeastOnce && !failed)
                {
                    // Acknowledgements go in order, so nothing after it may be acknowledged: reconnect for the redelivery.
                    failed = true;
                    ended.TrySetResult(new SessionEnd($"publishing the event of packet {entry.Message.PacketId} failed: {e.Message}", Failed: true));
                    await session.CancelAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                _metrics.EventProcessingDuration(EventSourceName, EventName, _time.GetElapsedTime(entry.StartedTimestamp));
            }
        }
    }

    /// <summary>A redelivery comes straight back: wait a little, longer while the bus keeps failing.</summary>
    private async Task PauseAfterFailureAsync(CancellationToken cancellationToken)
    {
        var failures = Interlocked.Increment(ref _failures);
        var pause = TimeSpan.FromMilliseconds(Math.Min(MaxFailurePause.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures - 1, 10))));
        await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why a connection's session ended, and whether that was a failure to wait after.</summary>
    private sealed record SessionEnd(string Reason, bool Failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT {EventSource}.{EventName}: connected to {Url} as client '{ClientId}' (session present: {SessionPresent})")]
    private static partial void LogConnected(ILogger logger, string eventSource, string eventName, string url, string clientId, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT {EventSource}.{EventName}: subscribed at {Url} to '{Topic}' with QoS {Granted} (asked {Asked})")]
    private static partial void LogSubscribed(ILogger logger, string eventSource, string eventName, string url, string topic, int granted, int asked);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT {EventSource}.{EventName}: resumed the session of client '{ClientId}'; read {Count} recent event(s) from the bus to recognise redeliveries")]
    private static partial void LogResumed(ILogger logger, string eventSource, string eventName, string clientId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT {EventSource}.{EventName}: recognised {Recognised} redelivered message(s) as already on the bus (among {Stored} recent events) and acknowledged them without publishing")]
    private static partial void LogRecognised(ILogger logger, string eventSource, string eventName, int recognised, int stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT {EventSource}.{EventName}: connecting to {Url} as user '{User}' failed (attempt {Attempt}): {Reason}; retrying in {DelayMs} ms")]
    private static partial void LogConnectFailed(ILogger logger, string eventSource, string eventName, string url, string user, int attempt, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT {EventSource}.{EventName}: connection to {Url} ended ({Reason}); connecting again")]
    private static partial void LogConnectionEnded(ILogger logger, string eventSource, string eventName, string url, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT {EventSource}.{EventName}: dropped the message on '{Topic}' (packet {PacketId}, {Length} bytes): jsonBody is set and the body is not valid JSON")]
    private static partial void LogNotJson(ILogger logger, string eventSource, string eventName, string topic, int packetId, int length);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT {EventSource}.{EventName}: publishing the message on '{Topic}' (packet {PacketId}) failed (left with the broker for redelivery: {Redelivered})")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string eventSource, string eventName, string topic, int packetId, bool redelivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT {EventSource}.{EventName}: could not acknowledge packet {PacketId}: {Reason}")]
    private static partial void LogAckLost(ILogger logger, string eventSource, string eventName, int packetId, string reason);
}
