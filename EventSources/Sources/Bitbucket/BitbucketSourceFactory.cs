using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Bitbucket;

/// <summary>
/// The <c>bitbucket</c> (Cloud) type: one webhook route per event. Argo also creates the repository webhooks through
/// Bitbucket's API when <c>auth</c> and <c>webhook.url</c> are set; this build does not, says so at start, and
/// serves the route.
/// </summary>
public sealed partial class BitbucketSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Bitbucket;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (BitbucketEventSource)source.Source;
        var field = $"spec.bitbucket.{source.Name}";

        var endpoint = WebhookSourceFactory.Endpoint(source.Name, spec.Webhook!, $"{field}.webhook", context.Secrets);
        var logger = context.LoggerFactory.CreateLogger<BitbucketRouteHandler>();
        if (spec.Auth is { OAuthToken: not null } or { Basic: not null } && !string.IsNullOrEmpty(spec.Webhook!.Url))
        {
            LogHooksNotManaged(logger, context.EventSourceName, source.Name, $"{spec.Webhook.Url.TrimEnd('/')}{endpoint.Endpoint}");
        }

        return SourceParts.FromRoutes(new BitbucketRouteHandler(endpoint, spec.Metadata, context, logger));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventSource}.{EventName}: Bitbucket webhook management is not performed by this build; the route is served, add the webhook for {HookUrl} in the repository settings yourself")]
    private static partial void LogHooksNotManaged(ILogger logger, string eventSource, string eventName, string hookUrl);
}
