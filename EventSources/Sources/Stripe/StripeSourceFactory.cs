using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.EventSources.Sources.Webhook;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Sources.Stripe;

/// <summary>
/// The <c>stripe</c> type: one route per event. Argo's spec has no field for the endpoint's signing secret and Argo
/// checks no signature; this build checks <c>Stripe-Signature</c> when configuration
/// <c>EventSource:Stripe:&lt;event name&gt;:SigningSecret</c> names a mounted secret as <c>&lt;secret&gt;/&lt;key&gt;</c>
/// (env <c>EventSource__Stripe__example__SigningSecret=stripe-webhook/secret</c>). Argo also registers the endpoint
/// with Stripe when <c>createWebhook</c> is set; this build does not, says so at start, and serves the route.
/// </summary>
public sealed partial class StripeSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Stripe;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (StripeEventSource)source.Source;
        var field = $"spec.stripe.{source.Name}";
        var endpoint = WebhookSourceFactory.Endpoint(source.Name, spec.Webhook!, $"{field}.webhook", context.Secrets);
        var logger = context.LoggerFactory.CreateLogger<StripeRouteHandler>();
        if (spec.CreateWebhook)
        {
            LogWebhookNotCreated(logger, context.EventSourceName, source.Name, $"{(spec.Webhook!.Url ?? "").TrimEnd('/')}{endpoint.Endpoint}");
        }

        var setting = $"EventSource:Stripe:{source.Name}:SigningSecret";
        var secret = context.Configuration[setting] is { Length: > 0 } reference
            ? context.Secrets.Resolve(SecretReference(setting, reference), setting)
            : null;
        return SourceParts.FromRoutes(new StripeRouteHandler(
            endpoint, string.IsNullOrEmpty(secret) ? null : System.Text.Encoding.UTF8.GetBytes(secret), spec.EventFilter, spec.Metadata, context, logger));
    }

    private static SecretKeySelector SecretReference(string setting, string reference)
    {
        var parts = reference.Split('/');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0
            ? new SecretKeySelector { Name = parts[0], Key = parts[1] }
            : throw new InvalidOperationException($"{setting} is '{reference}'; expected <secret name>/<key> of a mounted secret.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventSource}.{EventName}: createWebhook is not performed by this build; the route is served, add the endpoint {EndpointUrl} in Stripe's dashboard yourself")]
    private static partial void LogWebhookNotCreated(ILogger logger, string eventSource, string eventName, string endpointUrl);
}
