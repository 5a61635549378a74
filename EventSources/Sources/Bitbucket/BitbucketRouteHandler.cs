using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Bitbucket;

/// <summary>
/// A Bitbucket Cloud webhook route with Argo's behaviour: Bitbucket Cloud does not sign deliveries and Argo checks
/// nothing beyond the shared route checks (<c>authSecret</c>); the body must be JSON (400 <c>invalid event</c>) and the
/// event is <c>{"headers","body","metadata"}</c>. Bitbucket's <c>X-Request-UUID</c>, kept by its retries, makes the
/// event id, so a retried delivery is dropped by the bus.
/// </summary>
public sealed class BitbucketRouteHandler : HttpSourceRoute
{
    /// <summary>The header with the delivery's id.</summary>
    public const string RequestIdHeader = "X-Request-UUID";

    private readonly IReadOnlyDictionary<string, string> _metadata;

    /// <summary>Creates the route.</summary>
    public BitbucketRouteHandler(WebhookEndpoint endpoint, IReadOnlyDictionary<string, string> metadata, SourceContext context, ILogger<BitbucketRouteHandler> logger)
        : base(endpoint, context, logger)
        => _metadata = metadata;

    /// <inheritdoc />
    protected override async Task ProcessAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = await ReadBodyOrRejectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!JsonText.IsValid(body))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "invalid event").ConfigureAwait(false);
            return;
        }

        var payload = HeadersPayload.Build(PayloadHeaders(context.Request), body, _metadata);
        await DispatchAndRespondAsync(context, payload, HappeningId("bitbucket-request", context.Request.Headers[RequestIdHeader].FirstOrDefault())).ConfigureAwait(false);
    }
}
