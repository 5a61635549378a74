using System.Globalization;
using System.Text.Json;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.BitbucketServer;

/// <summary>
/// A Bitbucket Server webhook route with Argo's behaviour: with <c>webhookSecret</c> the <c>X-Hub-Signature</c>
/// (<c>sha256=&lt;hex&gt;</c>) must be the body's HMAC (400 otherwise); a <c>repo:refs_changed</c> body must decode
/// as Argo's struct, may lose the branch changes that belong to an open pull request
/// (<c>skipBranchRefsChangedOnOpenPR</c>: nothing is published when none is left) and may be split into one event per
/// change (<c>oneEventPerChange</c>); each event is <c>{"headers","body","metadata"}</c>. 200 <c>success</c> only
/// once every event is stored. <c>X-Request-Id</c> makes the event ids, so a redelivery is dropped by the bus.
/// </summary>
public sealed class BitbucketServerRouteHandler : HttpSourceRoute
{
    /// <summary>The header naming the event type.</summary>
    public const string EventKeyHeader = "X-Event-Key";

    /// <summary>The header with the delivery's id.</summary>
    public const string RequestIdHeader = "X-Request-Id";

    private const string ValidationFailed = "failed to validate bitbucketserver webhook request: ";
    private readonly BitbucketServerRouteOptions _options;

    /// <summary>Creates the route.</summary>
    public BitbucketServerRouteHandler(WebhookEndpoint endpoint, BitbucketServerRouteOptions options, SourceContext context, ILogger<BitbucketServerRouteHandler> logger)
        : base(endpoint, context, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var body = await ReadBodyOrRejectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (_options.WebhookSecret is { } secret && BitbucketServerSignature.Problem(request, secret, body) is { } signatureProblem)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, ValidationFailed + signatureProblem).ConfigureAwait(false);
            return;
        }

        if (!JsonText.IsValid(body))
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "invalid event").ConfigureAwait(false);
            return;
        }

        IReadOnlyList<byte[]> bodies;
        if (request.Headers[EventKeyHeader].FirstOrDefault() != RefsChangedEvent.EventKey)
        {
            bodies = [body];
        }
        else
        {
            var (split, problem) = await RefsChangedBodiesAsync(body, context.RequestAborted).ConfigureAwait(false);
            if (problem is not null)
            {
                await RejectAsync(context, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
                return;
            }

            bodies = split;
        }

        var headers = PayloadHeaders(request);
        var requestId = request.Headers[RequestIdHeader].FirstOrDefault();
        for (var i = 0; i < bodies.Count; i++)
        {
            var payload = HeadersPayload.Build(headers, bodies[i], _options.Metadata);
            var id = HappeningId("bitbucketserver-request", requestId is null ? null : string.Create(CultureInfo.InvariantCulture, $"{requestId}/{i}"));
            if (!await TryDispatchAsync(context, payload, id).ConfigureAwait(false))
            {
                await RespondDispatchedAsync(context, stored: false).ConfigureAwait(false);
                return;
            }
        }

        await RespondDispatchedAsync(context, stored: true).ConfigureAwait(false);
    }

    private async Task<(IReadOnlyList<byte[]> Bodies, string? Problem)> RefsChangedBodiesAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(body, GoJsonValue.ReadOptions);
        var root = document.RootElement;
        try
        {
            RefsChangedEvent.Validate(root);
        }
        catch (JsonException e)
        {
            return ([], $"decoding repo:refs_changed webhook: {e.Message}");
        }

        var changes = RefsChangedEvent.Changes(root);
        if (_options.PullRequests is { } pullRequests)
        {
            var kept = new List<JsonElement>(changes.Count);
            var repository = GoJsonMember.Find(root, "repository") ?? default;
            var projectKey = GoJsonMember.Find(repository, "project") is { } project ? GoJsonMember.String(project, "key") : "";
            var slug = GoJsonMember.String(repository, "slug");
            foreach (var change in changes)
            {
                var refType = GoJsonMember.Find(change, "ref") is { } reference ? GoJsonMember.String(reference, "type") : "";
                try
                {
                    if (refType != "BRANCH" || GoJsonMember.String(change, "type") == "DELETE"
                        || !await pullRequests.HasOpenPullRequestAsync(projectKey, slug, GoJsonMember.String(change, "toHash"), cancellationToken).ConfigureAwait(false))
                    {
                        kept.Add(change);
                    }
                }
                catch (HttpRequestException e)
                {
                    return ([], $"filtering changes for open prs: {e.Message}");
                }
            }

            if (kept.Count == 0)
            {
                return ([], null);
            }

            changes = kept;
        }

        return _options.OneEventPerChange
            ? ([.. changes.Select(change => RefsChangedEvent.WithSingleChange(root, change))], null)
            : ([body], null);
    }
}
