using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ArgoEvents.EventSources.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// What every HTTP-family source's route (github, gitlab, slack, sns, ...) does before its own checks, as Argo's shared
/// webhook route does it: refuse work once the service is stopping, require the spec's bearer token
/// (<c>authSecret</c>, 401), time the request; Argo checks no HTTP method on these routes. The type's own checks and
/// payload come from <see cref="ProcessAsync"/>; the helpers answer the way Argo does.
/// </summary>
public abstract partial class HttpSourceRoute : IWebhookRouteHandler
{
    private const string BearerScheme = "Bearer ";

    /// <summary>Creates the route for <paramref name="endpoint"/>.</summary>
    protected HttpSourceRoute(WebhookEndpoint endpoint, SourceContext context, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logger);
        Endpoint = endpoint;
        Context = context;
        Logger = logger;
    }

    /// <inheritdoc />
    public WebhookEndpoint Endpoint { get; }

    /// <summary>The service's shared parts.</summary>
    protected SourceContext Context { get; }

    /// <summary>The route's logger.</summary>
    protected ILogger Logger { get; }

    /// <summary>The event's name in the spec.</summary>
    protected string EventName => Endpoint.EventName;

    /// <inheritdoc />
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var work = Context.Shutdown.TryBeginWork();
        if (work is null)
        {
            // Argo answers 400 "endpoint is inactive"; a 503 tells the sender and the load balancer to retry elsewhere.
            context.Response.Headers.RetryAfter = "1";
            await WebhookRequest.RespondAsync(context.Response, StatusCodes.Status503ServiceUnavailable, "endpoint is inactive").ConfigureAwait(false);
            return;
        }

        if (Endpoint.AuthToken is { } token && BearerTokenProblem(context.Request, token) is { } problem)
        {
            await WebhookRequest.RespondAsync(context.Response, StatusCodes.Status401Unauthorized, problem).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessAsync(context).ConfigureAwait(false);
        }
        finally
        {
            Context.Metrics.EventProcessingDuration(Context.EventSourceName, EventName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>The type's own handling of a request that passed the common checks; it must answer the request.</summary>
    protected abstract Task ProcessAsync(HttpContext context);

    /// <summary>Reads the whole body; when it is larger than <c>maxPayloadSize</c> answers 413 and returns null.</summary>
    protected async Task<byte[]?> ReadBodyOrRejectAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = await WebhookRequest.ReadBodyAsync(context.Request, Endpoint.MaxPayloadSize, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await RejectAsync(context, StatusCodes.Status413PayloadTooLarge, $"request body exceeds the maximum payload size of {Endpoint.MaxPayloadSize} bytes").ConfigureAwait(false);
        }

        return body;
    }

    /// <summary>Refuses the request: counts a processing failure, logs why, and answers <paramref name="status"/>.</summary>
    protected Task RejectAsync(HttpContext context, int status, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogRejected(Logger, Context.EventSourceName, EventName, status, reason);
        Context.Metrics.EventProcessingFailed(Context.EventSourceName, EventName);
        return WebhookRequest.RespondAsync(context.Response, status, reason);
    }

    /// <summary>
    /// Publishes one event; false (logged and counted) when the bus did not store it. Throws only when the client
    /// went away.
    /// </summary>
    protected async Task<bool> TryDispatchAsync(HttpContext context, ReadOnlyMemory<byte> payload, string? id)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await Context.Dispatcher.DispatchAsync(EventName, payload, id, context.RequestAborted).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            LogDispatchFailed(Logger, e, Context.EventSourceName, EventName);
            Context.Metrics.EventProcessingFailed(Context.EventSourceName, EventName);
            return false;
        }
    }

    /// <summary>Publishes one event and answers as Argo does: 200 <c>success</c>, or 500 <c>failed to record event</c>.</summary>
    protected async Task DispatchAndRespondAsync(HttpContext context, ReadOnlyMemory<byte> payload, string? id)
    {
        ArgumentNullException.ThrowIfNull(context);
        await RespondDispatchedAsync(context, await TryDispatchAsync(context, payload, id).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Answers 200 <c>success</c> when the events were stored, 500 <c>failed to record event</c> otherwise.</summary>
    protected static Task RespondDispatchedAsync(HttpContext context, bool stored)
    {
        ArgumentNullException.ThrowIfNull(context);
        return stored
            ? WebhookRequest.RespondAsync(context.Response, StatusCodes.Status200OK, "success")
            : WebhookRequest.RespondAsync(context.Response, StatusCodes.Status500InternalServerError, "failed to record event");
    }

    /// <summary>
    /// The request's headers as Argo's payloads carry them: Go's canonical names, every value, and any Authorization
    /// header replaced by Argo's mask (Argo masks it on every route, with or without <c>authSecret</c>).
    /// </summary>
    protected static List<KeyValuePair<string, IReadOnlyList<string>>> PayloadHeaders(HttpRequest request)
        => WebhookRequest.Headers(request, maskAuthorization: true);

    /// <summary>An id that makes a redelivery of the same upstream happening a duplicate on the bus; null without a key.</summary>
    protected string? HappeningId(string kind, string? key)
        => string.IsNullOrEmpty(key) ? null : EventIds.Derived(Context.EventSourceName, EventName, $"{kind}:{key}");

    private static string? BearerTokenProblem(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerScheme, StringComparison.Ordinal))
        {
            return "Invalid Authorization Header";
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[BearerScheme.Length..]), Encoding.UTF8.GetBytes(token))
            ? null
            : "Invalid Auth token";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to {EventSource}.{EventName} with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string eventSource, string eventName, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish an event of {EventSource}.{EventName}; answered 500")]
    private static partial void LogDispatchFailed(ILogger logger, Exception error, string eventSource, string eventName);
}
