using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Gitlab;

/// <summary>
/// The <c>gitlab</c> type: one webhook route per event. Argo also creates project and group hooks through GitLab's
/// API when <c>accessToken</c> and <c>webhook.url</c> are set; this build does not, says so at start, and serves the
/// route. Unlike Argo, which compares <c>secretToken</c> only when it manages the hooks, the token is always checked
/// when it is set.
/// </summary>
public sealed partial class GitlabSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Gitlab;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (GitlabEventSource)source.Source;
        var field = $"spec.gitlab.{source.Name}";

        var endpoint = WebhookSourceFactory.Endpoint(source.Name, spec.Webhook!, $"{field}.webhook", context.Secrets);
        var secretToken = context.Secrets.Resolve(spec.SecretToken, $"{field}.secretToken");
        var logger = context.LoggerFactory.CreateLogger<GitlabRouteHandler>();
        if (spec.AccessToken is not null && !string.IsNullOrEmpty(spec.Webhook!.Url))
        {
            LogHooksNotManaged(logger, context.EventSourceName, source.Name, $"{spec.Webhook.Url.TrimEnd('/')}{endpoint.Endpoint}");
        }

        return SourceParts.FromRoutes(new GitlabRouteHandler(endpoint, secretToken, spec.Metadata, context, logger));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventSource}.{EventName}: GitLab hook management is not performed by this build; the route is served, add the hook for {HookUrl} in GitLab yourself (project or group settings, or the API)")]
    private static partial void LogHooksNotManaged(ILogger logger, string eventSource, string eventName, string hookUrl);
}
