using ArgoEvents.EventBus.Nats;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Nats;

/// <summary>
/// One nats event: a core NATS subscription (optionally in a queue group) on the upstream server; every message
/// becomes an event. The first connection is retried per <c>connectionBackoff</c>, then the run fails and the runner
/// retries it with its own back-off; once connected, the connection reconnects and resubscribes by itself. A message
/// carrying <c>Nats-Msg-Id</c> gets an event id derived from it, so a republished message is stored once.
/// </summary>
public sealed partial class NatsSource : IActiveSource
{
    /// <summary>The NATS header that names a message for de-duplication.</summary>
    public const string MessageIdHeader = "Nats-Msg-Id";

    private readonly NatsSourceOptions _options;
    private readonly IEventDispatcher _dispatcher;
    private readonly ArgoEventsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the source.</summary>
    public NatsSource(NatsSourceOptions options, IEventDispatcher dispatcher, ArgoEventsMetrics metrics, TimeProvider time, ILogger<NatsSource> logger)
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

    private string Servers => string.Join(",", _options.Connection.Urls);

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var subscription = await connection.SubscribeAsync(_options.Subject, _options.Queue, cancellationToken).ConfigureAwait(false);
            await using (subscription.ConfigureAwait(false))
            {
                // After the round trip the server holds the subscription, or has said why it refused it.
                await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (connection.LastServerError is { } refusal)
                {
                    throw new InvalidOperationException($"{Servers} refused the subscription to '{_options.Subject}': {refusal}");
                }

                LogSubscribed(_logger, _options.EventSourceName, EventName, Servers, _options.Subject, _options.Queue ?? "(none)");
                await foreach (var message in subscription.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    await HandleAsync(message, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new NatsConnectionException($"The connection to {Servers} closed; subscribing again.");
    }

    private async Task<NatsConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await NatsConnection.ConnectAsync(_options.Connection, cancellationToken).ConfigureAwait(false);
            }
            catch (NatsException e) when (attempt < _options.Backoff.Steps)
            {
                var delay = _options.Backoff.Delay(attempt, Random.Shared);
                LogConnectFailed(_logger, _options.EventSourceName, EventName, Servers, attempt, e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (NatsException e)
            {
                throw new NatsConnectionException($"Connecting to {Servers} failed {attempt} time(s) (connectionBackoff.steps): {e.Message}", e);
            }
        }
    }

    private async Task HandleAsync(NatsMsg message, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            var payload = NatsPayload.TryBuild(message.Subject, message.Data.Span, message.Headers, _options.JsonBody, _options.Metadata);
            if (payload is null)
            {
                _metrics.EventProcessingFailed(_options.EventSourceName, EventName);
                LogNotJson(_logger, _options.EventSourceName, EventName, message.Subject, message.Data.Length);
                return;
            }

            var upstreamId = message.Headers?[MessageIdHeader];
            var id = string.IsNullOrEmpty(upstreamId) ? null : EventIds.Derived(_options.EventSourceName, EventName, upstreamId);
            await _dispatcher.DispatchAsync(EventName, payload, id, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // As in Argo, a message that cannot be published is counted and the subscription goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _metrics.EventProcessingFailed(_options.EventSourceName, EventName);
            LogPublishFailed(_logger, e, _options.EventSourceName, EventName, message.Subject);
        }
        finally
        {
            _metrics.EventProcessingDuration(_options.EventSourceName, EventName, _time.GetElapsedTime(started));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "NATS {EventSource}.{EventName}: subscribed at {Servers} to {Subject} (queue group {Queue})")]
    private static partial void LogSubscribed(ILogger logger, string eventSource, string eventName, string servers, string subject, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS {EventSource}.{EventName}: connecting to {Servers} failed (attempt {Attempt}): {Reason}; retrying in {DelayMs} ms")]
    private static partial void LogConnectFailed(ILogger logger, string eventSource, string eventName, string servers, int attempt, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS {EventSource}.{EventName}: dropped a message on {Subject} ({Length} bytes): jsonBody is set and the body is not valid JSON")]
    private static partial void LogNotJson(ILogger logger, string eventSource, string eventName, string subject, int length);

    [LoggerMessage(Level = LogLevel.Error, Message = "NATS {EventSource}.{EventName}: publishing a message from {Subject} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string eventSource, string eventName, string subject);
}
