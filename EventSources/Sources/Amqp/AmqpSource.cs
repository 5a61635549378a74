using System.Threading.Channels;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace ArgoEvents.EventSources.Sources.Amqp;

/// <summary>
/// One amqp event: connects (retrying per <c>connectionBackoff</c>), declares the exchange and the queue, binds them
/// and consumes; every delivery becomes an event. With <c>autoAck: false</c> a delivery is acknowledged only once the
/// bus has stored its event, and handed back to the queue (nack with requeue) when publishing fails, so a crash or a
/// bus outage loses nothing. A delivery carrying a message id gets an event id derived from it, so a redelivery after
/// a failover is stored once. When the connection drops the source connects and declares again.
/// </summary>
internal sealed partial class AmqpSource : IActiveSource
{
    private static readonly TimeSpan MaxPublishPause = TimeSpan.FromSeconds(5);

    private readonly AmqpSourceOptions _options;
    private readonly IEventDispatcher _dispatcher;
    private readonly ArgoEventsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _publishFailures;

    // Set when a delivery of the current channel was left unacknowledged, after which no ack may cover earlier tags.
    private bool _leftUnacknowledged;

    /// <summary>Creates the source.</summary>
    public AmqpSource(AmqpSourceOptions options, IEventDispatcher dispatcher, ArgoEventsMetrics metrics, TimeProvider time, ILogger<AmqpSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _dispatcher = dispatcher;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string EventName => _options.EventName;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            string reason;
            try
            {
                reason = await ConsumeAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await CloseAsync(connection).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            LogConnectionLost(_logger, _options.EventSourceName, EventName, _options.DisplayUrl, reason);
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _options.Connection.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BrokerUnreachableException or AuthenticationFailureException or OperationInterruptedException or System.Net.Sockets.SocketException or IOException or TimeoutException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var reason = Describe(e) + ClientCertificateHint(e);
                if (attempt >= _options.Backoff.Steps)
                {
                    throw new AmqpConnectionException($"Connecting to {_options.DisplayUrl} failed {attempt} time(s) (connectionBackoff.steps): {reason}", e);
                }

                var delay = _options.Backoff.Delay(attempt, Random.Shared);
                LogConnectFailed(_logger, _options.EventSourceName, EventName, _options.DisplayUrl, attempt, reason, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Declares, binds and consumes until the connection or channel ends; returns why it ended.</summary>
    private async Task<string> ConsumeAsync(IConnection connection, CancellationToken cancellationToken)
    {
        var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, e) =>
        {
            ended.TrySetResult($"connection closed: {e.ReplyCode} {e.ReplyText}");
            return Task.CompletedTask;
        };
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (channel.ConfigureAwait(false))
        {
            channel.ChannelShutdownAsync += (_, e) =>
            {
                ended.TrySetResult($"channel closed: {e.ReplyCode} {e.ReplyText}");
                return Task.CompletedTask;
            };
            var queue = await DeclareAsync(channel, cancellationToken).ConfigureAwait(false);
            if (!_options.AutoAck)
            {
                await channel.BasicQosAsync(0, _options.Prefetch, false, cancellationToken).ConfigureAwait(false);
            }

            // Ends with the channel: publications still waiting then are abandoned, as their deliveries go back to the queue.
            using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _leftUnacknowledged = false;
            var pending = new AmqpPendingDeliveries(_options.Prefetch, deliveries => SettleAsync(channel, deliveries, session.Token));
            try
            {
                return await ConsumeUntilEndedAsync(channel, queue, pending, ended, session.Token, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await session.CancelAsync().ConfigureAwait(false);
                await pending.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<string> ConsumeUntilEndedAsync(IChannel channel, string queue, AmqpPendingDeliveries pending, TaskCompletionSource<string> ended, CancellationToken session, CancellationToken cancellationToken)
    {
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, pending, delivery, session);
        consumer.UnregisteredAsync += (_, _) =>
        {
            ended.TrySetResult("the broker cancelled the consumer (queue deleted?)");
            return Task.CompletedTask;
        };
        string tag;
        try
        {
            tag = await channel.BasicConsumeAsync(queue, _options.AutoAck, _options.ConsumerTag, _options.NoLocal, _options.ConsumeExclusive, null, consumer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationInterruptedException e)
        {
            throw new InvalidOperationException($"{_options.DisplayUrl}: consuming from queue '{queue}' failed: {Describe(e)}", e);
        }

        LogConsuming(_logger, _options.EventSourceName, EventName, _options.DisplayUrl, _options.ExchangeName, queue, _options.RoutingKey, tag, _options.AutoAck);
        using var stop = cancellationToken.Register(() => ended.TrySetCanceled(cancellationToken));
        try
        {
            return await ended.Task.ConfigureAwait(false);
        }
        catch (TaskCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private async Task<string> DeclareAsync(IChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            await channel.ExchangeDeclareAsync(_options.ExchangeName, _options.ExchangeType, _options.ExchangeDurable, _options.ExchangeAutoDelete, null, passive: false, noWait: _options.ExchangeNoWait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationInterruptedException e)
        {
            throw new InvalidOperationException($"{_options.DisplayUrl}: declaring exchange '{_options.ExchangeName}' of type {_options.ExchangeType} failed: {Describe(e)}", e);
        }

        string queue;
        try
        {
            var declared = await channel.QueueDeclareAsync(_options.QueueName, _options.QueueDurable, _options.QueueExclusive, _options.QueueAutoDelete, _options.QueueArguments, passive: false, noWait: _options.QueueNoWait, cancellationToken).ConfigureAwait(false);
            queue = _options.QueueNoWait ? _options.QueueName : declared.QueueName;
        }
        catch (OperationInterruptedException e)
        {
            throw new InvalidOperationException($"{_options.DisplayUrl}: declaring queue '{_options.QueueName}' failed: {Describe(e)}", e);
        }

        try
        {
            await channel.QueueBindAsync(queue, _options.ExchangeName, _options.RoutingKey, null, _options.BindNoWait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationInterruptedException e)
        {
            throw new InvalidOperationException($"{_options.DisplayUrl}: binding {_options.ExchangeType} exchange '{_options.ExchangeName}' to queue '{queue}' with routing key '{_options.RoutingKey}' failed: {Describe(e)}", e);
        }

        return queue;
    }

    /// <summary>Builds the event and starts publishing it; the pending window settles the delivery once that ends.</summary>
    private async Task HandleAsync(IChannel channel, AmqpPendingDeliveries pending, BasicDeliverEventArgs delivery, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var facts = AmqpDeliveryFacts.From(delivery.Exchange, delivery.RoutingKey, delivery.BasicProperties);
        var payload = AmqpPayload.TryBuild(facts, delivery.Body.Span, _options.JsonBody, _options.Metadata);
        if (payload is null)
        {
            _metrics.EventProcessingFailed(_options.EventSourceName, EventName);
            LogNotJson(_logger, _options.EventSourceName, EventName, facts.MessageId ?? string.Empty, delivery.Body.Length);

            // It can never become valid: rejected without requeue, so a dead-letter exchange can keep it.
            await AckOrNackAsync(channel, delivery.DeliveryTag, stored: false, requeue: false).ConfigureAwait(false);
            _metrics.EventProcessingDuration(_options.EventSourceName, EventName, _time.GetElapsedTime(started));
            return;
        }

        var id = string.IsNullOrEmpty(facts.MessageId) ? null : EventIds.Derived(_options.EventSourceName, EventName, facts.MessageId);
        Task publication;
        try
        {
            publication = _dispatcher.DispatchAsync(EventName, payload, id, cancellationToken);
        }
#pragma warning disable CA1031 // A dispatcher that throws at once fails this delivery only; it is settled like any failed publication.
        catch (Exception e)
#pragma warning restore CA1031
        {
            publication = Task.FromException(e);
        }

        try
        {
            await pending.AddAsync(new AmqpPendingDelivery(delivery.DeliveryTag, publication, facts.MessageId, started), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ChannelClosedException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The consumer is ending: left unacknowledged, closing the channel hands it back to the queue.
        }
    }

    /// <summary>
    /// Settles finished publications in delivery order: a run of stored ones is acknowledged with one ack of the
    /// last tag (multiple), since every earlier tag on the channel is settled by then; a failed one is counted,
    /// nacked with requeue and followed by a pause. Once a delivery is left unacknowledged (the session is ending),
    /// later ones are acknowledged one by one so as not to cover it.
    /// </summary>
    private async Task SettleAsync(IChannel channel, IReadOnlyList<AmqpPendingDelivery> deliveries, CancellationToken cancellationToken)
    {
        ulong? storedRunEnd = null;
        foreach (var delivery in deliveries)
        {
            try
            {
                await delivery.Publication.ConfigureAwait(false);
                _publishFailures = 0;
                if (_leftUnacknowledged)
                {
                    await AckOrNackAsync(channel, delivery.DeliveryTag, stored: true, requeue: false).ConfigureAwait(false);
                }
                else
                {
                    storedRunEnd = delivery.DeliveryTag;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Left unacknowledged: closing the connection hands it back to the queue.
                await AcknowledgeUpToAsync(channel, storedRunEnd).ConfigureAwait(false);
                storedRunEnd = null;
                _leftUnacknowledged = true;
            }
#pragma warning disable CA1031 // A delivery that cannot be published is counted and handed back; consumption goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                await AcknowledgeUpToAsync(channel, storedRunEnd).ConfigureAwait(false);
                storedRunEnd = null;
                _metrics.EventProcessingFailed(_options.EventSourceName, EventName);
                LogPublishFailed(_logger, e, _options.EventSourceName, EventName, delivery.MessageId ?? string.Empty, !_options.AutoAck);
                await AckOrNackAsync(channel, delivery.DeliveryTag, stored: false, requeue: true).ConfigureAwait(false);
                await PauseAfterFailureAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _metrics.EventProcessingDuration(_options.EventSourceName, EventName, _time.GetElapsedTime(delivery.StartedTimestamp));
            }
        }

        await AcknowledgeUpToAsync(channel, storedRunEnd).ConfigureAwait(false);
    }

    /// <summary>With manual acknowledgement: acks every unsettled delivery up to <paramref name="deliveryTag"/> at once.</summary>
    private async Task AcknowledgeUpToAsync(IChannel channel, ulong? deliveryTag)
    {
        if (_options.AutoAck || deliveryTag is not { } tag)
        {
            return;
        }

        try
        {
            await channel.BasicAckAsync(tag, multiple: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationInterruptedException e)
        {
            // The channel is gone, so the broker has already handed the deliveries back; the bus drops duplicates by id.
            LogSettleLost(_logger, _options.EventSourceName, EventName, tag, e.Message);
        }
    }

    /// <summary>With manual acknowledgement: ack once stored, otherwise nack (requeued or not).</summary>
    private async Task AckOrNackAsync(IChannel channel, ulong deliveryTag, bool stored, bool requeue)
    {
        if (_options.AutoAck)
        {
            return;
        }

        try
        {
            if (stored)
            {
                await channel.BasicAckAsync(deliveryTag, multiple: false, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await channel.BasicNackAsync(deliveryTag, multiple: false, requeue, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationInterruptedException e)
        {
            // The channel is gone, so the broker has already handed the delivery back; the bus drops the duplicate by id.
            LogSettleLost(_logger, _options.EventSourceName, EventName, deliveryTag, e.Message);
        }
    }

    /// <summary>A requeued delivery comes straight back: wait a little, longer while the bus keeps failing.</summary>
    private async Task PauseAfterFailureAsync(CancellationToken cancellationToken)
    {
        var failures = Interlocked.Increment(ref _publishFailures);
        var pause = TimeSpan.FromMilliseconds(Math.Min(MaxPublishPause.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures - 1, 10))));
        try
        {
            await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task CloseAsync(IConnection connection)
    {
        try
        {
            await connection.CloseAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Closing a connection that already broke may fail in many ways; nothing is left to do about it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        connection.Dispose();
    }

    /// <summary>
    /// A broker that requires a client certificate refuses one that is missing after the TLS 1.3 handshake has already
    /// completed on the client's side, so the refusal surfaces as a reset or an alert on the first read.
    /// </summary>
    private string ClientCertificateHint(Exception e)
    {
        var ssl = _options.Connection.Ssl;
        if (!ssl.Enabled || ssl.Certs is { Count: > 0 })
        {
            return string.Empty;
        }

        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is IOException or System.Security.Authentication.AuthenticationException)
            {
                return $" (if the broker requires a client certificate, set spec.amqp.{EventName}.tls.clientCertSecret and clientKeySecret)";
            }
        }

        return string.Empty;
    }

    private static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (!parts.Contains(current.Message, StringComparer.Ordinal))
            {
                parts.Add(current.Message);
            }
        }

        return string.Join(" → ", parts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AMQP {EventSource}.{EventName}: consuming at {Url} from exchange '{Exchange}' via queue '{Queue}' (routing key '{RoutingKey}', consumer {ConsumerTag}, autoAck {AutoAck})")]
    private static partial void LogConsuming(ILogger logger, string eventSource, string eventName, string url, string exchange, string queue, string routingKey, string consumerTag, bool autoAck);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AMQP {EventSource}.{EventName}: connecting to {Url} failed (attempt {Attempt}): {Reason}; retrying in {DelayMs} ms")]
    private static partial void LogConnectFailed(ILogger logger, string eventSource, string eventName, string url, int attempt, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AMQP {EventSource}.{EventName}: lost {Url} ({Reason}); connecting again")]
    private static partial void LogConnectionLost(ILogger logger, string eventSource, string eventName, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AMQP {EventSource}.{EventName}: dropped message '{MessageId}' ({Length} bytes): jsonBody is set and the body is not valid JSON")]
    private static partial void LogNotJson(ILogger logger, string eventSource, string eventName, string messageId, int length);

    [LoggerMessage(Level = LogLevel.Error, Message = "AMQP {EventSource}.{EventName}: publishing message '{MessageId}' failed (handed back to the queue: {Requeued})")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string eventSource, string eventName, string messageId, bool requeued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AMQP {EventSource}.{EventName}: could not settle delivery {DeliveryTag}: {Reason}")]
    private static partial void LogSettleLost(ILogger logger, string eventSource, string eventName, ulong deliveryTag, string reason);
}
