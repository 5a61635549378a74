using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Sns;

/// <summary>
/// An SNS HTTP(S) endpoint with Argo's behaviour: the body must be an SNS message (400 otherwise); with
/// <c>validateSignature</c> its signature must verify (400 with the reason); a <c>SubscriptionConfirmation</c> is
/// confirmed (200 with an empty body, 400 when confirming failed); a <c>Notification</c> is published as
/// <c>{"header","body","metadata"}</c>, its <c>MessageId</c> making the event id so SNS's redeliveries are dropped by the
/// bus; other types are acknowledged.
/// </summary>
public sealed class SnsRouteHandler : HttpSourceRoute
{
    private readonly SnsSignatureVerifier? _verifier;
    private readonly SnsSubscriptionConfirmer _confirmer;
    private readonly IReadOnlyDictionary<string, string> _metadata;

    /// <summary>Creates the route; <paramref name="verifier"/> null accepts unsigned messages (<c>validateSignature: false</c>).</summary>
    public SnsRouteHandler(WebhookEndpoint endpoint, SnsSignatureVerifier? verifier, SnsSubscriptionConfirmer confirmer, IReadOnlyDictionary<string, string> metadata, SourceContext context, ILogger<SnsRouteHandler> logger)
        : base(endpoint, context, logger)
    {
        ArgumentNullException.ThrowIfNull(confirmer);
        _verifier = verifier;
        _confirmer = confirmer;
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

        var message = SnsMessage.Parse(body, out var problem);
        if (message is not null && _verifier is not null)
        {
            problem = await _verifier.ProblemAsync(message, context.RequestAborted).ConfigureAwait(false);
        }

        if (message is null || problem is not null)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, problem!).ConfigureAwait(false);
            return;
        }

        switch (message.Type)
        {
            case SnsMessage.SubscriptionConfirmationType:
                if (await _confirmer.ConfirmAsync(message, context.RequestAborted).ConfigureAwait(false) is { } confirmProblem)
                {
                    await RejectAsync(context, StatusCodes.Status400BadRequest, confirmProblem).ConfigureAwait(false);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            case SnsMessage.NotificationType:
                var payload = WebhookPayload.Build(PayloadHeaders(context.Request), body, _metadata);
                await DispatchAndRespondAsync(context, payload, HappeningId("sns-message", message.MessageId)).ConfigureAwait(false);
                return;
            default:
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
        }
    }
}
