using Microsoft.Extensions.Configuration;

namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// Where each spec port really listens. In a pod it is the spec port; when several replicas share one machine (the
/// local orchestrator, tests) each gets its own port through configuration <c>EventSource:Ports:&lt;specPort&gt;</c>
/// (env <c>EventSource__Ports__12000=43123</c>), and a proxy in front keeps the spec port for clients.
/// </summary>
public sealed class WebhookPortMap
{
    private readonly Dictionary<int, int> _listenBySpec = [];
    private readonly Dictionary<int, int> _specByListen = [];

    /// <summary>Builds the map for <paramref name="specPorts"/> from configuration.</summary>
    /// <exception cref="InvalidOperationException">A configured port is not a TCP port, or two spec ports map to one.</exception>
    public WebhookPortMap(IEnumerable<int> specPorts, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(specPorts);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var spec in specPorts)
        {
            var configured = configuration[$"EventSource:Ports:{spec}"];
            var listen = spec;
            if (!string.IsNullOrWhiteSpace(configured) && (!int.TryParse(configured, out listen) || listen is < 0 or > 65535))
            {
                throw new InvalidOperationException($"EventSource:Ports:{spec} is '{configured}', not a TCP port.");
            }

            if (_specByListen.TryGetValue(listen, out var other))
            {
                throw new InvalidOperationException($"Webhook ports {other} and {spec} would both listen on port {listen}.");
            }

            _listenBySpec[spec] = listen;
            _specByListen[listen] = spec;
        }
    }

    /// <summary>Ports to listen on.</summary>
    public IEnumerable<int> ListenPorts => _specByListen.Keys;

    /// <summary>The spec port served by a local listening port.</summary>
    public bool TryGetSpecPort(int listenPort, out int specPort) => _specByListen.TryGetValue(listenPort, out specPort);
}
