using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.Sensors.Tests.Corpus;

/// <summary>
/// Every corpus Sensor this build runs, run end to end: compiled and run against a real nats-server, one event
/// published per dependency (crafted to pass its filters), and every trigger's effect observed by the in-test server
/// playing its target (Kubernetes API, Argo Server, HTTP/OpenWhisk/Slack, aiosmtpd, a nats subscription, the log).
/// </summary>
public sealed class CorpusSensorRunTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    public static TheoryData<string, int> Documents() => CorpusTheoryData.Runnable();

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task CorpusSensor_FiresEveryTrigger_AgainstNatsServerAndInTestKubernetesArgoHttpSlackSmtpServers(string file, int document)
    {
        Assert.SkipWhen(file == CorpusTheoryData.Missing, CorpusDocuments.MissingMessage);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var run = await CorpusSensorRun.StartAsync(nats.ClientUrl, file, document, cancellationToken);
        Assert.NotEmpty(run.Expectations);

        await run.PublishOnePerDependencyAsync(cancellationToken);
        if (CorpusEvents.NeverFires.TryGetValue(file, out var reason))
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
            var fired = run.Expectations.Where(e => e.Satisfied()).Select(e => e.Description).ToList();
            Assert.True(fired.Count == 0, $"{file} must never fire ({reason}), yet: {string.Join("; ", fired)}{Environment.NewLine}{run.Diagnostics()}");
            return;
        }

        var missing = await run.WaitForExpectationsAsync(TimeSpan.FromSeconds(15), cancellationToken);

        Assert.True(missing.Count == 0, $"{file}: not observed:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", missing)}{Environment.NewLine}{run.Diagnostics()}");
    }
}
