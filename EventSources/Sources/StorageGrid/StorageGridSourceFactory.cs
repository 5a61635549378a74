using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.StorageGrid;

/// <summary>
/// The <c>storageGrid</c> type: one notification endpoint per event. Argo also registers the endpoint and the
/// bucket's notification configuration through StorageGRID's API (<c>apiURL</c>, <c>authToken</c>) at start; this
/// build does not, says so at start, and serves the endpoint.
/// </summary>
public sealed partial class StorageGridSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.StorageGrid;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (StorageGridEventSource)source.Source;
        var field = $"spec.storageGrid.{source.Name}";
        var endpoint = WebhookSourceFactory.Endpoint(source.Name, spec.Webhook!, $"{field}.webhook", context.Secrets);
        var logger = context.LoggerFactory.CreateLogger<StorageGridRouteHandler>();
        LogNotRegistered(logger, context.EventSourceName, source.Name, $"{(spec.Webhook!.Url ?? "").TrimEnd('/')}{endpoint.Endpoint}", spec.Bucket ?? "", spec.TopicArn ?? "");
        return SourceParts.FromRoutes(new StorageGridRouteHandler(endpoint, spec.Filter, spec.Metadata, context, logger));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventSource}.{EventName}: registering {EndpointUrl} and the notification configuration of bucket {Bucket} (topic {TopicArn}) through the StorageGRID API is not performed by this build; configure them in StorageGRID yourself")]
    private static partial void LogNotRegistered(ILogger logger, string eventSource, string eventName, string endpointUrl, string bucket, string topicArn);
}
