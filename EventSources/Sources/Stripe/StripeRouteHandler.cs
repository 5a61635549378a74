using System.Text.Json;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Stripe;

/// <summary>
/// A Stripe route with Argo's behaviour: the body must read as a Stripe event (400 <c>failed to parse the event</c>),
/// an event whose type is not in <c>eventFilter</c> is refused (400 <c>invalid event</c>), and the event is
/// <c>{"event","metadata"}</c>. Argo verifies no signature; when this build is given the endpoint's signing secret
/// (see <see cref="StripeSourceFactory"/>) the <c>Stripe-Signature</c> must be valid (400 with the reason). Stripe's
/// event id makes the event id, so Stripe's retries are dropped by the bus.
/// </summary>
public sealed class StripeRouteHandler : HttpSourceRoute
{
    private readonly byte[]? _signingSecret;
    private readonly HashSet<string> _eventFilter;
    private readonly IReadOnlyDictionary<string, string> _metadata;

    /// <summary>Creates the route; an empty <paramref name="eventFilter"/> keeps every type.</summary>
    public StripeRouteHandler(WebhookEndpoint endpoint, byte[]? signingSecret, IEnumerable<string> eventFilter, IReadOnlyDictionary<string, string> metadata, SourceContext context, ILogger<StripeRouteHandler> logger)
        : base(endpoint, context, logger)
    {
        _signingSecret = signingSecret;
        _eventFilter = [.. eventFilter];
        _metadata = metadata;
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = await ReadBodyOrRejectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (_signingSecret is not null
            && StripeSignature.Problem(context.Request.Headers[StripeSignature.Header].FirstOrDefault(), _signingSecret, body, Context.Time.GetUtcNow()) is { } problem)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        byte[] payload;
        string eventId;
        try
        {
            using var document = JsonDocument.Parse(body, GoJsonValue.ReadOptions);
            var stripeEvent = document.RootElement;
            payload = StripeEvent.Payload(stripeEvent, _metadata, body.Length);
            if (_eventFilter.Count > 0 && !_eventFilter.Contains(GoJsonMember.String(stripeEvent, "type")))
            {
                await RejectAsync(context, StatusCodes.Status400BadRequest, "invalid event").ConfigureAwait(false);
                return;
            }

            eventId = GoJsonMember.String(stripeEvent, "id");
        }
        catch (JsonException e)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, $"failed to parse the event: {e.Message}").ConfigureAwait(false);
            return;
        }

        await DispatchAndRespondAsync(context, payload, HappeningId("stripe-event", eventId)).ConfigureAwait(false);
    }
}
