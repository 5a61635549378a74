using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventBus.CloudEvents;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.ServiceDefaults.Metrics;
using ArgoEvents.ServiceDefaults.Shutdown;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// The <c>webhook</c> source's route, with Argo's behaviour: method check (400), bearer token (401), body limit
/// (413), GET query and urlencoded form bodies as JSON maps, any other POST body must be JSON (400), and 200
/// <c>success</c> only after JetStream stored the event (500 <c>failed to record event</c> otherwise).
/// A request that is a CloudEvent (binary or structured mode) is accepted too: its data becomes the body and its
/// source and id make the event id, so a client's retry is dropped by the bus instead of firing twice.
/// </summary>
public sealed partial class WebhookRouteHandler : IWebhookRouteHandler
{
    private readonly string _eventSourceName;
    private readonly IEventDispatcher _dispatcher;
    private readonly ArgoEventsMetrics _metrics;
    private readonly IShutdownSignal _shutdown;
    private readonly ILogger _logger;

    /// <summary>Creates the route handler.</summary>
    public WebhookRouteHandler(string eventSourceName, WebhookEndpoint endpoint, IEventDispatcher dispatcher, ArgoEventsMetrics metrics, IShutdownSignal shutdown, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _eventSourceName = eventSourceName;
        Endpoint = endpoint;
        _dispatcher = dispatcher;
        _metrics = metrics;
        _shutdown = shutdown;
        _logger = logger;
    }

    /// <inheritdoc />
    public WebhookEndpoint Endpoint { get; }

    /// <inheritdoc />
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        using var work = _shutdown.TryBeginWork();
        if (work is null)
        {
            // Argo answers 400 "endpoint is inactive"; a 503 tells the client and the load balancer to go elsewhere.
            response.Headers.RetryAfter = "1";
            await WebhookRequest.RespondAsync(response, StatusCodes.Status503ServiceUnavailable, "endpoint is inactive").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(request.Method, Endpoint.Method, StringComparison.OrdinalIgnoreCase))
        {
            await WebhookRequest.RespondAsync(response, StatusCodes.Status400BadRequest, "http method does not match").ConfigureAwait(false);
            return;
        }

        if (Endpoint.AuthToken is { } token && !WebhookRequest.HasBearerToken(request, token))
        {
            await WebhookRequest.RespondAsync(response, StatusCodes.Status401Unauthorized, "unauthorized").ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var (body, id, error, status) = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                _metrics.EventProcessingFailed(_eventSourceName, Endpoint.EventName);
                await WebhookRequest.RespondAsync(response, status, error!).ConfigureAwait(false);
                return;
            }

            var payload = WebhookPayload.Build(WebhookRequest.Headers(request, maskAuthorization: Endpoint.AuthToken is not null), body, Endpoint.Metadata);
            try
            {
                await _dispatcher.DispatchAsync(Endpoint.EventName, payload, id, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                LogDispatchFailed(_logger, e, _eventSourceName, Endpoint.EventName);
                _metrics.EventProcessingFailed(_eventSourceName, Endpoint.EventName);
                await WebhookRequest.RespondAsync(response, StatusCodes.Status500InternalServerError, "failed to record event").ConfigureAwait(false);
                return;
            }

            await WebhookRequest.RespondAsync(response, StatusCodes.Status200OK, "success").ConfigureAwait(false);
        }
        finally
        {
            _metrics.EventProcessingDuration(_eventSourceName, Endpoint.EventName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task<(byte[]? Body, string? Id, string? Error, int Status)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            var query = request.Query.Select(q => new KeyValuePair<string, IReadOnlyList<string>>(q.Key, [.. q.Value.Select(v => v ?? "")]));
            return (JsonMap(query), null, null, 0);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, null, $"unsupported method: {request.Method}", StatusCodes.Status400BadRequest);
        }

        var raw = await WebhookRequest.ReadBodyAsync(request, Endpoint.MaxPayloadSize, cancellationToken).ConfigureAwait(false);
        if (raw is null)
        {
            return (null, null, $"request body exceeds the maximum payload size of {Endpoint.MaxPayloadSize} bytes", StatusCodes.Status413PayloadTooLarge);
        }

        var contentType = request.Headers.ContentType.ToString();
        if (contentType == "application/x-www-form-urlencoded")
        {
            var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Encoding.UTF8.GetString(raw));
            return (JsonMap(form.Select(f => new KeyValuePair<string, IReadOnlyList<string>>(f.Key, [.. f.Value.Select(v => v ?? "")]))), null, null, 0);
        }

        var headers = WebhookRequest.FlatHeaders(request).ToList();
        if (CloudEventHttpBinding.IsCloudEvent(contentType, headers))
        {
            return ReadCloudEvent(contentType, headers, raw);
        }

        return JsonText.IsValid(raw)
            ? (raw, null, null, 0)
            : (null, null, "request body is not valid JSON", StatusCodes.Status400BadRequest);
    }

    private (byte[]? Body, string? Id, string? Error, int Status) ReadCloudEvent(string contentType, List<KeyValuePair<string, string>> headers, byte[] raw)
    {
        CloudEvent incoming;
        try
        {
            incoming = CloudEventHttpBinding.Read(contentType, headers, raw);
        }
        catch (Exception e) when (e is CloudEventValidationException or NotSupportedException)
        {
            return (null, null, $"invalid CloudEvent: {e.Message}", StatusCodes.Status400BadRequest);
        }

        var id = EventIds.Derived(_eventSourceName, Endpoint.EventName, $"cloudevent:{incoming.Source}/{incoming.Id}");
        if (!incoming.HasData)
        {
            return ("null"u8.ToArray(), id, null, 0);
        }

        if (JsonText.IsValid(incoming.Data.Span))
        {
            return (incoming.Data.ToArray(), id, null, 0);
        }

        // Non-JSON data rides as a JSON string (text) or base64 (binary), as Go marshals []byte.
        var text = IsUtf8Text(incoming.DataContentType) ? Encoding.UTF8.GetString(incoming.Data.Span) : Convert.ToBase64String(incoming.Data.Span);
        return (JsonSerializer.SerializeToUtf8Bytes(text, WebhookJsonContext.Default.String), id, null, 0);
    }

    private static bool IsUtf8Text(string? contentType)
        => contentType is not null && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase));

    private static byte[] JsonMap(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> map)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        GoJson.WriteStringListMap(output, map);
        return output.WrittenSpan.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish an event of {EventSource}.{EventName}; answered 500")]
    private static partial void LogDispatchFailed(ILogger logger, Exception error, string eventSource, string eventName);
}
