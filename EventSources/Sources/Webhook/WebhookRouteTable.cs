namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// Every webhook route of the EventSource, by spec port and path. Several events may share a port with different
/// endpoints, as in Argo; two routes on the same port and path are refused.
/// </summary>
public sealed class WebhookRouteTable
{
    private readonly Dictionary<(int Port, string Path), IWebhookRouteHandler> _routes = [];

    /// <summary>The spec ports that have at least one route.</summary>
    public IEnumerable<int> Ports => _routes.Keys.Select(k => k.Port).Distinct().Order();

    /// <summary>Number of routes.</summary>
    public int Count => _routes.Count;

    /// <summary>Adds a route.</summary>
    /// <exception cref="ArgumentException">Another event already serves that port and path.</exception>
    public void Add(IWebhookRouteHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var key = (handler.Endpoint.Port, handler.Endpoint.Endpoint);
        if (_routes.TryGetValue(key, out var existing))
        {
            throw new ArgumentException(
                $"Events '{existing.Endpoint.EventName}' and '{handler.Endpoint.EventName}' both serve port {key.Port} at '{key.Endpoint}'.",
                nameof(handler));
        }

        _routes[key] = handler;
    }

    /// <summary>The route of a spec port and path.</summary>
    public bool TryGet(int port, string path, out IWebhookRouteHandler handler)
        => _routes.TryGetValue((port, path), out handler!);
}
