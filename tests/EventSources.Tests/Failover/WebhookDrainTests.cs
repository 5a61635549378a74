using System.Diagnostics;
using System.Text.Json;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Services;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// A webhook replica (one of three processes on a 3-node bus) receives SIGTERM while clients post to it continuously.
/// The promise under test: a 2xx answer means the event is in the stream. Refusals (503, connection refused or reset)
/// are fine while it shuts down, as a load balancer then sends the client elsewhere.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class WebhookDrainTests(NatsClusterFixture bus)
{
    private const string Name = "hook-drain";
    private const int SpecPort = 12000;

    [Fact]
    public async Task SIGTERM_mid_load_loses_no_accepted_request_and_stores_no_refused_one()
    {
        await using var probe = await BusProbe.ConnectAsync(string.Join(",", bus.ClientUrls));
        await using var replicas = await ServiceProcessReplicas.StartEventSourcesAsync(Name, Manifest, bus.ClientUrls, 3, [SpecPort]);
        var target = replicas.Replicas[0];
        await using var load = new WebhookLoad($"{target.WebhookUrl(SpecPort)}/hook", workers: 24, maxRequests: 100_000, maxDuration: TimeSpan.FromSeconds(60));

        load.Start();
        Assert.True(await load.WaitForAcceptedAsync(1000), $"The load never got going.{Environment.NewLine}{replicas.Describe()}");
        var terminatedAt = Stopwatch.GetTimestamp();
        target.Terminate();
        var exitCode = await target.WaitForExitAsync(TimeSpan.FromSeconds(20));

        // Keep sending a moment after the exit, so requests also meet the closed port.
        await Task.Delay(300);
        var outcomes = await load.StopAsync();
        var stored = (await probe.ReadAllAsync($"default.{Name}.hook")).Select(e => BodyId(e.Event.Data)).ToList();

        var onBus = stored.ToHashSet();
        var sent = outcomes.Select(o => o.Id).ToHashSet();
        var accepted = outcomes.Where(o => o.Accepted).ToList();
        var acceptedMissing = accepted.Where(o => !onBus.Contains(o.Id)).Select(o => o.Id).ToList();
        var refusedButStored = outcomes.Where(o => o.Status == 503 && onBus.Contains(o.Id)).Select(o => o.Id).ToList();
        var storedTwice = stored.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var unexpected = outcomes.Where(o => !o.Accepted && o.Status is not null and not 503).ToList();
        var acceptedAfterSigterm = accepted.Count(o => o.Finished > terminatedAt);
        var refusedAfterSigterm = outcomes.Count(o => !o.Accepted && o.Finished > terminatedAt);
        var summary = $"{outcomes.Count} requests: {accepted.Count} accepted ({acceptedAfterSigterm} answered after the SIGTERM), "
            + $"{outcomes.Count(o => o.Status == 503)} answered 503, errors: {string.Join(", ", outcomes.Where(o => o.Error is not null).GroupBy(o => o.Error).Select(g => $"{g.Key} x{g.Count()}"))}; "
            + $"{stored.Count} events stored; replica exit code {exitCode}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);

        Assert.True(acceptedMissing.Count == 0, $"Answered 2xx but not on the bus: {string.Join(", ", acceptedMissing.Take(20))}. {summary}{Environment.NewLine}{target.LogTail()}");
        Assert.True(refusedButStored.Count == 0, $"Answered 503 yet stored: {string.Join(", ", refusedButStored.Take(20))}. {summary}");
        Assert.True(storedTwice.Count == 0, $"Stored twice: {string.Join(", ", storedTwice.Take(20))}. {summary}");
        Assert.True(onBus.IsSubsetOf(sent), $"The stream holds ids nobody sent. {summary}");
        Assert.True(unexpected.Count == 0, $"Answers other than 2xx and 503: {string.Join(", ", unexpected.Take(10).Select(o => $"{o.Id}: {o.Status}"))}. {summary}{Environment.NewLine}{target.LogTail()}");
        Assert.Equal(0, exitCode);

        // Requests were in flight at the SIGTERM and finished (drained), and the load went on against the stopping replica.
        Assert.True(acceptedAfterSigterm > 0, $"No request in flight at the SIGTERM was answered 2xx. {summary}");
        Assert.True(refusedAfterSigterm > 0, $"No request met the stopping replica. {summary}");
    }

    private static string Manifest => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: {Name}
        spec:
          webhook:
            hook:
              port: "{SpecPort}"
              endpoint: /hook
              method: POST
        """;

    private static string BodyId(ReadOnlyMemory<byte> data)
    {
        using var payload = JsonDocument.Parse(data);
        return payload.RootElement.GetProperty("body").GetProperty("id").GetString()!;
    }
}
