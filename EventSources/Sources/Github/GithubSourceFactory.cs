using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Github;

/// <summary>
/// The <c>github</c> type: one webhook route per event. Argo also creates the hooks through GitHub's API when
/// credentials and <c>webhook.url</c> are set; this build does not, says so at start, and serves the route anyway.
/// </summary>
public sealed partial class GithubSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Github;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (GithubEventSource)source.Source;
        var field = $"spec.github.{source.Name}";

        var endpoint = WebhookSourceFactory.Endpoint(source.Name, spec.Webhook!, $"{field}.webhook", context.Secrets);
        var secret = context.Secrets.Resolve(spec.WebhookSecret, $"{field}.webhookSecret");
        var logger = context.LoggerFactory.CreateLogger<GithubRouteHandler>();
        var hasCredentials = spec.ApiToken is not null || spec.GithubApp?.PrivateKey is not null;
        if (hasCredentials && !string.IsNullOrEmpty(spec.Webhook!.Url))
        {
            LogHooksNotManaged(logger, context.EventSourceName, source.Name, $"{spec.Webhook.Url.TrimEnd('/')}{endpoint.Endpoint}");
        }

        return SourceParts.FromRoutes(new GithubRouteHandler(endpoint, secret, spec.Metadata, context, logger));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventSource}.{EventName}: GitHub hook management is not performed by this build; the route is served, register the hook for {HookUrl} in GitHub yourself (repository or organization settings, or the API)")]
    private static partial void LogHooksNotManaged(ILogger logger, string eventSource, string eventName, string hookUrl);
}
