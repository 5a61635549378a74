using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Gitlab;

/// <summary>
/// A GitLab webhook route with Argo's behaviour: when <c>secretToken</c> is set the <c>X-Gitlab-Token</c> header must
/// equal it (400 <c>token mismatch</c>), the body must be JSON (400 <c>invalid event</c>), and the event is
/// <c>{"headers","body","metadata"}</c>. GitLab's <c>Idempotency-Key</c> (the same on every retry of a delivery)
/// makes the event id, so a retried delivery is dropped by the bus.
/// </summary>
public sealed class GitlabRouteHandler : HttpSourceRoute
{
    /// <summary>The header GitLab sends the secret token in.</summary>
    public const string TokenHeader = "X-Gitlab-Token";

    /// <summary>The header that stays the same across retries of one delivery.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    private readonly byte[]? _secretToken;
    private readonly IReadOnlyDictionary<string, string> _metadata;

    /// <summary>Creates the route; <paramref name="secretToken"/> null accepts requests without a token.</summary>
    public GitlabRouteHandler(WebhookEndpoint endpoint, string? secretToken, IReadOnlyDictionary<string, string> metadata, SourceContext context, ILogger<GitlabRouteHandler> logger)
        : base(endpoint, context, logger)
    {
        _secretToken = string.IsNullOrEmpty(secretToken) ? null : Encoding.UTF8.GetBytes(secretToken);
        _metadata = metadata;
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (_secretToken is not null
            && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Headers[TokenHeader].FirstOrDefault() ?? ""), _secretToken))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "token mismatch").ConfigureAwait(false);
            return;
        }

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

        var payload = HeadersPayload.Build(PayloadHeaders(request), body, _metadata);
        await DispatchAndRespondAsync(context, payload, HappeningId("gitlab-idempotency-key", request.Headers[IdempotencyHeader].FirstOrDefault())).ConfigureAwait(false);
    }
}
