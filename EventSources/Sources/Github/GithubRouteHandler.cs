using System.Buffers;
using System.Text.Json;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Github;

/// <summary>
/// A GitHub webhook route with Argo's behaviour: the delivery's signature is checked when <c>webhookSecret</c> is set
/// (400 with the reason otherwise), the JSON object (body or <c>payload</c> form field) gets the
/// <c>X-GitHub-Event</c> and <c>X-GitHub-Delivery</c> header values as members and is re-encoded as Go does, and the
/// event is <c>{"headers","body","metadata"}</c>. The delivery id makes the event id, so GitHub's redelivery of the
/// same delivery is dropped by the bus. Argo does not filter on <c>events</c> when receiving: GitHub only sends those.
/// </summary>
public sealed class GithubRouteHandler : HttpSourceRoute
{
    /// <summary>The header naming the GitHub event type.</summary>
    public const string EventHeader = "X-GitHub-Event";

    /// <summary>The header carrying the delivery's unique id.</summary>
    public const string DeliveryHeader = "X-GitHub-Delivery";

    private readonly byte[]? _secret;
    private readonly IReadOnlyDictionary<string, string> _metadata;

    /// <summary>Creates the route; <paramref name="webhookSecret"/> null accepts unsigned deliveries, as Argo does.</summary>
    public GithubRouteHandler(WebhookEndpoint endpoint, string? webhookSecret, IReadOnlyDictionary<string, string> metadata, SourceContext context, ILogger<GithubRouteHandler> logger)
        : base(endpoint, context, logger)
    {
        _secret = string.IsNullOrEmpty(webhookSecret) ? null : GithubSignature.Key(webhookSecret);
        _metadata = metadata;
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

        var (json, problem) = GithubPayloadBody.Extract(request, body);
        problem ??= _secret is null ? null : GithubSignature.Problem(request, _secret, body);
        if (problem is not null)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        var delivery = request.Headers[DeliveryHeader].FirstOrDefault() ?? "";
        byte[] reencoded;
        try
        {
            reencoded = Reencode(json, request.Headers[EventHeader].FirstOrDefault() ?? "", delivery);
        }
        catch (JsonException e)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, $"the delivery is not a JSON object: {e.Message}").ConfigureAwait(false);
            return;
        }

        var payload = HeadersPayload.Build(PayloadHeaders(request), reencoded, _metadata);
        await DispatchAndRespondAsync(context, payload, HappeningId("github-delivery", delivery)).ConfigureAwait(false);
    }

    private static byte[] Reencode(ReadOnlyMemory<byte> json, string eventType, string delivery)
    {
        using var document = JsonDocument.Parse(json, GoJsonValue.ReadOptions);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"found {document.RootElement.ValueKind}");
        }

        var output = new ArrayBufferWriter<byte>(json.Length + 128);
        GoJsonValue.WriteObject(output, document.RootElement, [new(EventHeader, eventType), new(DeliveryHeader, delivery)]);
        return output.WrittenSpan.ToArray();
    }
}
