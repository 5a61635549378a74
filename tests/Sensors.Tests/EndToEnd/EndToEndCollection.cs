using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.Sensors.Tests.EndToEnd;

/// <summary>
/// The process-level tests run the services as separate processes on one shared 3-node JetStream cluster, alone
/// (after the parallel tests) so they do not compete for the machine's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection : ICollectionFixture<NatsClusterFixture>
{
    public const string Name = "Sensor end to end";
}
