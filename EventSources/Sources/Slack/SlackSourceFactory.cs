using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Slack;

/// <summary>The <c>slack</c> type: one route per event, signed with the app's signing secret, carrying its verification token.</summary>
public sealed class SlackSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Slack;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (SlackEventSource)source.Source;
        var field = $"spec.slack.{source.Name}";

        var endpoint = WebhookSourceFactory.Endpoint(source.Name, spec.Webhook!, $"{field}.webhook", context.Secrets);
        var signingSecret = context.Secrets.Resolve(spec.SigningSecret, $"{field}.signingSecret");
        var token = context.Secrets.Resolve(spec.Token, $"{field}.token");
        return SourceParts.FromRoutes(new SlackRouteHandler(endpoint, signingSecret, token, context, context.LoggerFactory.CreateLogger<SlackRouteHandler>()));
    }
}
