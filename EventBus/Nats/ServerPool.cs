namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// The servers a connection may use: the configured seeds plus every client URL the cluster announces in INFO.
/// Reconnects walk the pool starting after the server that was lost, which is tried last.
/// </summary>
internal sealed class ServerPool
{
    private readonly Lock _gate = new();
    private readonly List<NatsServerAddress> _servers = [];

    public ServerPool(NatsOptions options)
    {
        foreach (var url in options.Urls)
        {
            Add(NatsServerAddress.Parse(url));
        }

        if (options.Randomize)
        {
            Shuffle(_servers);
        }
    }

    public IReadOnlyList<NatsServerAddress> Snapshot()
    {
        lock (_gate)
        {
            return [.. _servers];
        }
    }

    /// <summary>Adds the cluster's announced URLs that are not in the pool yet.</summary>
    public void AddDiscovered(IEnumerable<string>? connectUrls, bool tls)
    {
        if (connectUrls is null)
        {
            return;
        }

        foreach (var url in connectUrls)
        {
            NatsServerAddress address;
            try
            {
                address = NatsServerAddress.Parse(url, isImplicit: true) with { Tls = tls };
            }
            catch (ArgumentException)
            {
                continue;
            }

            Add(address);
        }
    }

    /// <summary>Servers in the order to try after losing <paramref name="lost"/>: the others first, in pool order.</summary>
    public IReadOnlyList<NatsServerAddress> ReconnectOrder(NatsServerAddress? lost)
    {
        lock (_gate)
        {
            if (lost is null)
            {
                return [.. _servers];
            }

            var index = _servers.FindIndex(s => SameServer(s, lost));
            var order = new List<NatsServerAddress>(_servers.Count);
            for (var i = 1; i <= _servers.Count; i++)
            {
                var candidate = _servers[(Math.Max(index, 0) + i) % _servers.Count];
                if (!SameServer(candidate, lost))
                {
                    order.Add(candidate);
                }
            }

            order.Add(index >= 0 ? _servers[index] : lost);
            return order;
        }
    }

    private void Add(NatsServerAddress address)
    {
        lock (_gate)
        {
            if (!_servers.Exists(s => SameServer(s, address)))
            {
                _servers.Add(address);
            }
        }
    }

    private static bool SameServer(NatsServerAddress a, NatsServerAddress b)
        => a.Port == b.Port && (string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) || (IsLoopback(a.Host) && IsLoopback(b.Host)));

    private static bool IsLoopback(string host)
        => host is "localhost" or "127.0.0.1" or "::1";

    private static void Shuffle(List<NatsServerAddress> servers)
    {
        for (var i = servers.Count - 1; i > 0; i--)
        {
            var j = Random.Shared.Next(i + 1);
            (servers[i], servers[j]) = (servers[j], servers[i]);
        }
    }
}
