using System.Globalization;
using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.EventSources.Runtime;
using ArgoEvents.ServiceDefaults.Secrets;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>The <c>webhook</c> type: one route per event.</summary>
public sealed class WebhookSourceFactory : ISourceFactory
{
    /// <inheritdoc />
    public EventSourceType Type => EventSourceTypes.Webhook;

    /// <inheritdoc />
    public SourceParts Create(NamedEventSource source, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        var spec = (WebhookEventSource)source.Source;

        var endpoint = Endpoint(source.Name, spec.Context, $"spec.webhook.{source.Name}", context.Secrets);
        return SourceParts.FromRoutes(new WebhookRouteHandler(
            context.EventSourceName, endpoint, context.Dispatcher, context.Metrics, context.Shutdown, context.LoggerFactory.CreateLogger<WebhookRouteHandler>()));
    }

    /// <summary>Resolves a webhook context (shared by every HTTP-family type) into a route.</summary>
    public static WebhookEndpoint Endpoint(string eventName, WebhookContext webhook, string fieldPath, SecretResolver secrets)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(secrets);
        if (!int.TryParse(webhook.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{fieldPath}.port is '{webhook.Port}', not a TCP port.");
        }

        if (webhook.ServerCertSecret is not null || webhook.ServerKeySecret is not null)
        {
            throw new InvalidOperationException($"{fieldPath}: serving webhooks over TLS (serverCertSecret/serverKeySecret) is not supported by this build yet; terminate TLS at the ingress.");
        }

        if (webhook.BasicAuth is not null)
        {
            throw new InvalidOperationException($"{fieldPath}.basicAuth is not supported by this build yet; use authSecret (bearer token).");
        }

        return new WebhookEndpoint
        {
            EventName = eventName,
            Port = port,
            Endpoint = WebhookEndpoint.NormalizeEndpoint(webhook.Endpoint ?? "/"),
            Method = (webhook.Method ?? "POST").ToUpperInvariant(),
            AuthToken = secrets.Resolve(webhook.AuthSecret, $"{fieldPath}.authSecret"),
            MaxPayloadSize = webhook.EffectiveMaxPayloadSize,
            Metadata = webhook.Metadata,
        };
    }
}
