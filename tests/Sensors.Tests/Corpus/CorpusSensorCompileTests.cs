using ArgoEvents.Sensors.Runtime;
using ArgoEvents.Sensors.Triggers;
using ArgoEvents.ServiceDefaults.Secrets;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>
/// Every Sensor document of Argo's example corpus either compiles with every trigger type this build runs, or is
/// refused naming the field and the unsupported feature listed for it in <see cref="CorpusRefusals"/>.
/// </summary>
public sealed class CorpusSensorCompileTests
{
    public static TheoryData<string, int> Documents() => CorpusTheoryData.All();

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task CorpusSensor_CompilesOrIsRefusedForAnUnsupportedFeature(string file, int document)
    {
        Assert.SkipWhen(file == CorpusTheoryData.Missing, CorpusDocuments.MissingMessage);
        var sensor = CorpusDocuments.Load(file, document);
        var services = new TriggerServices(sensor.Metadata.Name!, "argo-events", new SecretResolver(CorpusSecrets.Directory))
        {
            Kubernetes = new ArgoEvents.EventBus.LeaderElection.KubernetesApiOptions(new Uri("http://127.0.0.1:9/")) { BearerToken = "unused" },
            ArgoServer = new Uri("http://127.0.0.1:9/"),
        };

        SensorPlan? plan = null;
        SensorConfigurationException? refusal = null;
        try
        {
            plan = SensorPlan.Create(sensor, CorpusTriggers.Registry(new Uri("http://127.0.0.1:9/")), services);
        }
        catch (SensorConfigurationException e)
        {
            refusal = e;
        }
        finally
        {
            if (plan is not null)
            {
                await plan.DisposeAsync();
            }
        }

        if (CorpusRefusals.Expected.TryGetValue(file, out var expected))
        {
            Assert.True(refusal is not null, $"{file} compiled, but this build is expected to refuse it for: {expected.Fragment}");
            Assert.Contains(expected.Field, refusal.Message, StringComparison.Ordinal);
            Assert.Contains(expected.Fragment, refusal.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(refusal is null, $"{file} is expected to run, but was refused: {refusal?.Message}");
        }
    }
}
