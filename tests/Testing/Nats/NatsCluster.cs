using System.Text;

namespace ArgoEvents.Testing.Nats;

/// <summary>
/// N JetStream nodes named n1..nN on free loopback ports, routed to each other as one cluster.
/// Nodes are indexed from 0: <c>Node(0)</c> is n1.
/// </summary>
public sealed class NatsCluster : IDisposable, IAsyncDisposable
{
    /// <summary>Cluster name every node is configured with.</summary>
    public const string ClusterName = "c1";

    private const int PortConflictRetries = 3;
    private static readonly TimeSpan DefaultHealthTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly NatsServerOptions _template;
    private List<NatsServerProcess> _nodes;
    private bool _disposed;

    /// <summary>
    /// Prepares (does not start) <paramref name="nodeCount"/> nodes. <paramref name="template"/> carries
    /// extra settings for every node (auth, lame duck, max_payload...); the cluster sets names, ports,
    /// JetStream and routes itself, so the template must leave those unset.
    /// </summary>
    public NatsCluster(int nodeCount = 3, NatsServerOptions? template = null)
    {
        if (nodeCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(nodeCount), nodeCount, "A NatsCluster needs at least 2 nodes; use NatsServerProcess for one.");
        }

        _template = template ?? new NatsServerOptions();
        if (_template.ServerName is not null || _template.Port is not null || _template.MonitorPort is not null || _template.Cluster is not null)
        {
            throw new ArgumentException(
                "NatsCluster names, numbers and routes its nodes itself: the template's ServerName, Port, MonitorPort and Cluster must be null.",
                nameof(template));
        }

        NodeCount = nodeCount;
        _nodes = CreateNodes();
    }

    /// <summary>How many nodes the cluster has.</summary>
    public int NodeCount { get; }

    /// <summary>All nodes, n1 first.</summary>
    public IReadOnlyList<NatsServerProcess> Nodes => _nodes;

    /// <summary>Every node's client URL, n1 first.</summary>
    public IReadOnlyList<string> ClientUrls => [.. _nodes.Select(n => n.ClientUrl)];

    /// <summary>The node at <paramref name="index"/> (0-based: 0 is n1).</summary>
    public NatsServerProcess Node(int index)
    {
        if (index < 0 || index >= _nodes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Node index must be 0..{_nodes.Count - 1} (n1..n{_nodes.Count}).");
        }

        return _nodes[index];
    }

    /// <summary>The node whose server_name is <paramref name="serverName"/>.</summary>
    public NatsServerProcess Node(string serverName) =>
        _nodes.FirstOrDefault(n => n.ServerName == serverName)
        ?? throw new ArgumentException($"No node is named '{serverName}'; nodes are {string.Join(", ", _nodes.Select(n => n.ServerName))}.", nameof(serverName));

    /// <summary>
    /// Starts every node and waits (30 s at most) until each answers /healthz?js-server-only=true with 200 and
    /// reports the same meta leader with cluster_size N.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Task.WhenAll(_nodes.Select(n => n.StartAsync(cancellationToken))).ConfigureAwait(false);
                break;
            }
            catch (NatsServerException e) when (e.PortConflict && attempt < PortConflictRetries)
            {
                // A route port was taken by another process: routes name every port, so re-plan them all.
                DisposeNodes();
                _nodes = CreateNodes();
            }
        }

        await WaitHealthyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until every running node answers /healthz?js-server-only=true with 200, all of them name the same
    /// meta leader, that leader is a running node, and cluster_size is N. Stopped nodes are not waited for.
    /// Throws <see cref="NatsServerException"/> listing each node's last status and log lines on timeout (30 s by default).
    /// </summary>
    public Task WaitHealthyAsync(CancellationToken cancellationToken = default) =>
        WaitHealthyAsync(DefaultHealthTimeout, cancellationToken);

    /// <summary>As <see cref="WaitHealthyAsync(CancellationToken)"/>, with a chosen timeout.</summary>
    public async Task WaitHealthyAsync(TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + limit;
        var statuses = new Dictionary<NatsServerProcess, string>();
        while (true)
        {
            var running = _nodes.Where(n => n.IsRunning).ToList();
            if (running.Count == 0)
            {
                throw new InvalidOperationException("No node of the cluster is running; there is nothing to wait for.");
            }

            var leaders = new HashSet<string?>();
            var healthy = true;
            foreach (var node in _nodes)
            {
                if (!node.IsRunning)
                {
                    statuses[node] = "not running";
                    continue;
                }

                var (ok, leader, status) = await ProbeAsync(node, cancellationToken).ConfigureAwait(false);
                statuses[node] = status;
                healthy &= ok;
                leaders.Add(leader);
            }

            var leaderName = leaders.Count == 1 ? leaders.First() : null;
            if (healthy && leaderName is not null && running.Any(n => n.ServerName == leaderName))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new NatsServerException(Describe($"Cluster not healthy within {limit.TotalSeconds:0} s (meta leaders seen: {string.Join(", ", leaders.Select(l => l ?? "none"))}).", statuses));
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The node currently leading <paramref name="streamName"/>: polls every running node's
    /// /jsz?accounts=true&amp;streams=true until one names itself leader of the stream (a follower's view can
    /// name a dead leader for seconds). Throws <see cref="NatsServerException"/> with every node's view on timeout (30 s by default).
    /// </summary>
    public Task<NatsServerProcess> FindStreamLeaderAsync(string streamName, CancellationToken cancellationToken = default) =>
        FindStreamLeaderAsync(streamName, DefaultHealthTimeout, cancellationToken);

    /// <summary>As <see cref="FindStreamLeaderAsync(string, CancellationToken)"/>, with a chosen timeout.</summary>
    public async Task<NatsServerProcess> FindStreamLeaderAsync(string streamName, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        var deadline = DateTime.UtcNow + limit;
        var views = new Dictionary<NatsServerProcess, string>();
        while (true)
        {
            foreach (var node in _nodes)
            {
                if (!node.IsRunning)
                {
                    views[node] = "not running";
                    continue;
                }

                var reply = await node.GetMonitorAsync("/jsz?accounts=true&streams=true", cancellationToken).ConfigureAwait(false);
                if (!reply.IsOk)
                {
                    views[node] = $"/jsz: {Shorten(reply.ToString())}";
                    continue;
                }

                var report = JszReport.Parse(reply.Body);
                var leader = report.StreamLeader(streamName);
                views[node] = report.HostsStream(streamName) ? $"stream '{streamName}' leader: {leader ?? "none"}" : $"does not host stream '{streamName}'";
                if (leader == node.ServerName)
                {
                    return node;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new NatsServerException(Describe($"No node claimed leadership of stream '{streamName}' within {limit.TotalSeconds:0} s.", views));
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILLs the node at <paramref name="index"/> (0-based).</summary>
    public void KillNode(int index) => Node(index).Kill();

    /// <summary>
    /// Starts the node at <paramref name="index"/> (0-based) again with its ports and store (stopping it
    /// gracefully first if it still runs), then waits for the cluster to be healthy.
    /// </summary>
    public async Task RestartNodeAsync(int index, CancellationToken cancellationToken = default)
    {
        await Node(index).RestartAsync(cancellationToken).ConfigureAwait(false);
        await WaitHealthyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>0-based index of <paramref name="node"/>.</summary>
    public int IndexOf(NatsServerProcess node)
    {
        var index = _nodes.IndexOf(node);
        return index >= 0 ? index : throw new ArgumentException($"{node} is not a node of this cluster.", nameof(node));
    }

    /// <summary>Kills every node and deletes their directories.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        DisposeNodes();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private List<NatsServerProcess> CreateNodes()
    {
        var routePorts = FreePorts.Next(NodeCount);
        var nodes = new List<NatsServerProcess>(NodeCount);
        try
        {
            for (var i = 0; i < NodeCount; i++)
            {
                nodes.Add(new NatsServerProcess(_template with
                {
                    ServerName = $"n{i + 1}",
                    JetStream = true,
                    Cluster = new NatsRoutingOptions { Name = ClusterName, RoutePort = routePorts[i], Routes = routePorts },
                }));
            }
        }
        catch
        {
            nodes.ForEach(n => n.Dispose());
            throw;
        }

        return nodes;
    }

    private void DisposeNodes()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
    }

    private async Task<(bool Ok, string? MetaLeader, string Status)> ProbeAsync(NatsServerProcess node, CancellationToken cancellationToken)
    {
        var health = await node.GetMonitorAsync("/healthz?js-server-only=true", cancellationToken).ConfigureAwait(false);
        var jsz = await node.GetMonitorAsync("/jsz", cancellationToken).ConfigureAwait(false);
        if (!jsz.IsOk)
        {
            return (false, null, $"healthz {Shorten(health.ToString())}; jsz {Shorten(jsz.ToString())}");
        }

        var report = JszReport.Parse(jsz.Body);
        var ok = health.IsOk && report.MetaLeader is not null && report.MetaClusterSize == NodeCount;
        return (ok, report.MetaLeader, $"healthz {Shorten(health.ToString())}; meta leader {report.MetaLeader ?? "none"}, cluster_size {report.MetaClusterSize}");
    }

    private static string Describe(string headline, Dictionary<NatsServerProcess, string> statuses)
    {
        var text = new StringBuilder(headline);
        foreach (var (node, status) in statuses)
        {
            text.AppendLine()
                .Append("  ").Append(node.ServerName).Append(" (").Append(node.ClientUrl).Append("): ").Append(status)
                .AppendLine()
                .Append(node.LogTail(15));
        }

        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "...";
}
