namespace ArgoEvents.Testing.Nats;

/// <summary>
/// The <c>cluster { }</c> block of one node: the cluster name shared by all nodes, this node's route
/// listen port, and the route ports of every node (listing its own is harmless; the server skips it).
/// </summary>
public sealed record NatsRoutingOptions
{
    /// <summary>Cluster name, the same on every node.</summary>
    public required string Name { get; init; }

    /// <summary>Loopback port this node accepts routes on.</summary>
    public required int RoutePort { get; init; }

    /// <summary>Loopback route ports this node connects to.</summary>
    public required IReadOnlyList<int> Routes { get; init; }
}
