using Microsoft.AspNetCore.Http;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>Serves the requests of one webhook route; each HTTP-family source type brings its own.</summary>
public interface IWebhookRouteHandler
{
    /// <summary>The route.</summary>
    WebhookEndpoint Endpoint { get; }

    /// <summary>Handles one request on the route, answering it.</summary>
    Task HandleAsync(HttpContext context);
}
