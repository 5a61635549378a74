using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Sns;

/// <summary>
/// The <c>sns</c> type: one HTTP(S) subscriber endpoint per event. Argo also subscribes the endpoint to the topic
/// through the AWS API at start; this build does not (it has no AWS client), says so at start, and confirms the
/// subscription when SNS sends the confirmation request.
/// </summary>
public sealed partial class SnsSourceFactory : ISourceFactory
{
    // Redirects are not followed: a redirect would lead the fetch away from the host the URL policy checked.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(15) };

    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Sns;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (SnsEventSource)source.Source;
        var field = $"spec.sns.{source.Name}";

        var endpoint = WebhookSourceFactory.Endpoint(source.Name, spec.Webhook!, $"{field}.webhook", context.Secrets);
        var logger = context.LoggerFactory.CreateLogger<SnsRouteHandler>();
        LogNotSubscribed(logger, context.EventSourceName, source.Name, $"{(spec.Webhook!.Url ?? "").TrimEnd('/')}{endpoint.Endpoint}", spec.TopicArn ?? "");
        var policy = new SnsUrlPolicy(context.Configuration.GetValue<bool>(SnsUrlPolicy.AllowLoopbackSetting));
        var verifier = spec.ValidateSignature ? new SnsSignatureVerifier(Http, policy) : null;
        return SourceParts.FromRoutes(new SnsRouteHandler(endpoint, verifier, new SnsSubscriptionConfirmer(Http, policy), spec.Metadata, context, logger));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventSource}.{EventName}: subscribing {EndpointUrl} to {TopicArn} through the AWS API is not performed by this build; subscribe it yourself (protocol http or https), the confirmation request SNS then sends is answered")]
    private static partial void LogNotSubscribed(ILogger logger, string eventSource, string eventName, string endpointUrl, string topicArn);
}
