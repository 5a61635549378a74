using ArgoEvents.EventSources.Protocols.Resp;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.ServiceDefaults.Metrics;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Redis;

/// <summary>
/// One redis event: a SUBSCRIBE to the spec's channels; every message becomes an event. When the connection is lost
/// (or cannot be opened) the source connects and subscribes again with back-off; refused credentials end the run,
/// and the runner retries it with its own back-off. Pub/sub keeps nothing: a message published while no replica is
/// subscribed (between a leader's crash and the next one subscribing, or while Redis is unreachable) is lost, as with
/// Argo, and a message is never delivered twice, so events get random ids.
/// </summary>
internal sealed partial class RedisSource : IActiveSource
{
    private readonly RedisSourceOptions _options;
    private readonly IEventDispatcher _dispatcher;
    private readonly ArgoEventsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the source.</summary>
    public RedisSource(RedisSourceOptions options, IEventDispatcher dispatcher, ArgoEventsMetrics metrics, TimeProvider time, ILogger<RedisSource> logger)
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

    private string Endpoint => _options.Connection.Endpoint;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                var subscriber = await RedisSubscriber.ConnectAsync(_options.Connection, cancellationToken).ConfigureAwait(false);
                await using (subscriber.ConfigureAwait(false))
                {
                    await subscriber.SubscribeAsync(_options.Channels, cancellationToken).ConfigureAwait(false);
                    LogSubscribed(_logger, _options.EventSourceName, EventName, Endpoint, string.Join(",", _options.Channels));
                    attempt = 0;
                    await foreach (var message in subscriber.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                    {
                        await HandleAsync(message, cancellationToken).ConfigureAwait(false);
                    }

                    reason = "the subscription ended";
                }
            }
            catch (RedisAuthenticationException)
            {
                throw;
            }
            catch (RedisException e) when (!cancellationToken.IsCancellationRequested && e is RedisConnectionException or RedisProtocolException)
            {
                reason = e.Message;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var delay = RedisRetryDelay.After(Math.Max(1, attempt));
            LogConnectionLost(_logger, _options.EventSourceName, EventName, Endpoint, reason, delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(RedisPubSubMessage message, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            var payload = RedisPayload.TryBuild(message.Channel, message.Pattern, message.Payload.Span, _options.JsonBody, _options.Metadata);
            if (payload is null)
            {
                _metrics.EventProcessingFailed(_options.EventSourceName, EventName);
                LogNotJson(_logger, _options.EventSourceName, EventName, message.Channel, message.Payload.Length);
                return;
            }

            await _dispatcher.DispatchAsync(EventName, payload, null, cancellationToken).ConfigureAwait(false);
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
            LogPublishFailed(_logger, e, _options.EventSourceName, EventName, message.Channel);
        }
        finally
        {
            _metrics.EventProcessingDuration(_options.EventSourceName, EventName, _time.GetElapsedTime(started));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis {EventSource}.{EventName}: subscribed at {Endpoint} to {Channels}")]
    private static partial void LogSubscribed(ILogger logger, string eventSource, string eventName, string endpoint, string channels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis {EventSource}.{EventName}: no subscription at {Endpoint} ({Reason}); connecting again in {DelayMs} ms")]
    private static partial void LogConnectionLost(ILogger logger, string eventSource, string eventName, string endpoint, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis {EventSource}.{EventName}: dropped a message on {Channel} ({Length} bytes): jsonBody is set and the body is not valid JSON")]
    private static partial void LogNotJson(ILogger logger, string eventSource, string eventName, string channel, int length);

    [LoggerMessage(Level = LogLevel.Error, Message = "Redis {EventSource}.{EventName}: publishing a message from {Channel} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception error, string eventSource, string eventName, string channel);
}
