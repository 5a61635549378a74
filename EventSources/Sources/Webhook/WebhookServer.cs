using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// Serves every webhook route on the ports the spec names: each port answers <c>GET /health</c> with 200 <c>OK</c>,
/// its routes by path, and 404 otherwise. The service's own endpoints (<c>/healthz</c>, <c>/readyz</c>,
/// <c>/metrics</c>) stay on the service port.
/// </summary>
public static class WebhookServer
{
    /// <summary>Adds the listening URLs of the webhook ports, keeping the service's own URLs.</summary>
    public static void Listen(WebApplication app, WebhookPortMap ports, string bindAddress, IEnumerable<string> serviceUrls)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(serviceUrls);
        foreach (var url in serviceUrls)
        {
            app.Urls.Add(url);
        }

        foreach (var port in ports.ListenPorts)
        {
            app.Urls.Add($"http://{bindAddress}:{port}");
        }
    }

    /// <summary>Routes requests that arrive on a webhook port; others continue down the pipeline.</summary>
    public static void UseWebhookRoutes(this WebApplication app, WebhookRouteTable routes, WebhookPortMap ports)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(ports);
        app.Use(async (context, next) =>
        {
            if (!ports.TryGetSpecPort(context.Connection.LocalPort, out var specPort))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var path = context.Request.Path.Value ?? "/";
            if (routes.TryGet(specPort, path, out var handler))
            {
                await handler.HandleAsync(context).ConfigureAwait(false);
                return;
            }

            if (path == "/health" && HttpMethods.IsGet(context.Request.Method))
            {
                await WebhookRequest.RespondAsync(context.Response, StatusCodes.Status200OK, "OK").ConfigureAwait(false);
                return;
            }

            await WebhookRequest.RespondAsync(context.Response, StatusCodes.Status404NotFound, "404 page not found").ConfigureAwait(false);
        });
    }
}
