using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

/// <summary>
/// The election tests assert the failover deadlines the product promises, so they run alone (after the parallel
/// tests) instead of competing with them for the machine's two cores; they share one JetStream server.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LeaderElectionCollection : ICollectionFixture<NatsServerFixture>
{
    public const string Name = "Leader election";
}
