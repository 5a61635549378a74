using System.Net;
using System.Net.Http.Json;
using ArgoEvents.Testing.Fixtures;
using ArgoEvents.Testing.Services;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>The process harness itself: the service runs as a real process, serves its mapped ports, and dies on signals.</summary>
[Collection(FailoverCollection.Name)]
public sealed class ServiceProcessHarnessTests(NatsClusterFixture bus) : IDisposable
{
    private const string Manifest = """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: harness
        spec:
          webhook:
            example:
              port: "12000"
              endpoint: /example
              method: POST
        """;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task A_replica_process_serves_its_mapped_ports_and_SIGTERM_ends_it_cleanly()
    {
        await using var replicas = await ServiceProcessReplicas.StartEventSourcesAsync("harness", Manifest, bus.ClientUrls, 1, [12000]);
        var replica = replicas.Replicas[0];

        var health = await _http.GetAsync($"{replica.ServiceUrl}/healthz");
        var post = await _http.PostAsync($"{replica.WebhookUrl(12000)}/example", JsonContent.Create(new { hello = "world" }));
        replica.Terminate();
        var exitCode = await replica.WaitForExitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "success"), (post.StatusCode, await post.Content.ReadAsStringAsync()));
        Assert.Equal(0, exitCode);
        Assert.False(replica.IsRunning);
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync($"{replica.ServiceUrl}/healthz"));
    }

    [Fact]
    public async Task Kill_is_a_SIGKILL_and_the_process_is_gone_when_it_returns()
    {
        await using var replicas = await ServiceProcessReplicas.StartEventSourcesAsync("harness", Manifest, bus.ClientUrls, 1, [12000]);
        var replica = replicas.Replicas[0];

        replica.Kill();

        Assert.False(replica.IsRunning);
        Assert.Equal(128 + 9, replica.ExitCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync($"{replica.WebhookUrl(12000)}/health"));
    }

    public void Dispose() => _http.Dispose();
}
