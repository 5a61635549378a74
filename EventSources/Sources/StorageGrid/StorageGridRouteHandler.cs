using System.Text;
using System.Text.Json;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.StorageGrid;

/// <summary>
/// A StorageGRID notification endpoint (StorageGRID speaks SNS's <c>Publish</c> to it). As in Argo: the URL-encoded
/// request becomes the notification, the first record's object key must match <c>filter.prefix</c>/<c>suffix</c> or
/// the notification is acknowledged and dropped, and the event is <c>{"notification","metadata"}</c>; a HEAD is
/// answered empty; the answer is an SNS <c>PublishResponse</c>. Unlike Argo, which answers 200 before it reads the
/// request, the answer comes after the bus stored the event (500 <c>failed to record event</c> otherwise) and an
/// unreadable request gets 400, so StorageGRID can retry instead of the event being lost. Argo does not check
/// <c>events</c> when receiving: StorageGRID only sends those it was configured with.
/// </summary>
public sealed class StorageGridRouteHandler : HttpSourceRoute
{
    private readonly StorageGridFilter? _filter;
    private readonly IReadOnlyDictionary<string, string> _metadata;

    /// <summary>Creates the route.</summary>
    public StorageGridRouteHandler(WebhookEndpoint endpoint, StorageGridFilter? filter, IReadOnlyDictionary<string, string> metadata, SourceContext context, ILogger<StorageGridRouteHandler> logger)
        : base(endpoint, context, logger)
    {
        _filter = filter;
        _metadata = metadata;
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var body = await ReadBodyOrRejectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        byte[] payload;
        string? happening;
        try
        {
            using var document = JsonDocument.Parse(StorageGridFormJson.Convert(body), GoJsonValue.ReadOptions);
            var notification = document.RootElement;
            payload = StorageGridNotification.Payload(notification, _metadata);
            var firstObject = StorageGridNotification.FirstObject(notification);
            var key = firstObject is { } o ? GoJsonMember.String(o, "key") : null;
            if (!Passes(key))
            {
                await RespondPublishedAsync(context).ConfigureAwait(false);
                return;
            }

            var sequencer = firstObject is { } s ? GoJsonMember.String(s, "sequencer") : "";
            happening = sequencer.Length == 0 ? null : $"{StorageGridNotification.FirstBucket(notification)}/{key}/{sequencer}";
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, $"failed to convert the request body into a storage grid notification: {e.Message}").ConfigureAwait(false);
            return;
        }

        if (await TryDispatchAsync(context, payload, HappeningId("storagegrid-object", happening)).ConfigureAwait(false))
        {
            await RespondPublishedAsync(context).ConfigureAwait(false);
            return;
        }

        await RespondDispatchedAsync(context, stored: false).ConfigureAwait(false);
    }

    private bool Passes(string? key)
    {
        if (_filter is null)
        {
            return true;
        }

        var prefix = _filter.Prefix ?? "";
        var suffix = _filter.Suffix ?? "";
        if (prefix.Length == 0 && suffix.Length == 0)
        {
            return true;
        }

        // A filtered notification without records cannot match (Argo's handler fails on it and publishes nothing).
        return key is not null && key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith(suffix, StringComparison.Ordinal);
    }

    private static Task RespondPublishedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain";
        var response = $"""

            <PublishResponse xmlns="http://argoevents-sns-server/">
                <PublishResult>
                    <MessageId>{Guid.NewGuid()}</MessageId>
                </PublishResult>
                <ResponseMetadata>
                   <RequestId>{Guid.NewGuid()}</RequestId>
                </ResponseMetadata>
            </PublishResponse>

            """;
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(response), context.RequestAborted).AsTask();
    }
}
