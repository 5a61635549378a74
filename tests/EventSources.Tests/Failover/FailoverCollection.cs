using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// The process-level HA tests assert the deadlines the product promises (a new leader within 2 s, a handover under
/// 0.5 s), so they run alone, after the parallel tests, instead of competing with them for the machine's two cores.
/// They share one 3-node JetStream cluster; each test uses its own EventSource name, hence its own subjects and lease.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FailoverCollection : ICollectionFixture<NatsClusterFixture>
{
    public const string Name = "EventSource failover";
}
