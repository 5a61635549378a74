using System.Net;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.Bitbucket;
using ArgoEvents.EventSources.Tests.Sources.Sns;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Bitbucket;

public sealed class BitbucketSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private BusProbe _probe = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BusProbe.ConnectAsync(nats.ClientUrl);
        await _probe.ResetAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _probe.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Argos_example_runs_and_a_push_from_an_in_test_bitbucket_cloud_sender_becomes_argos_payload()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/bitbucket.yaml");
        await using var host = await StartAsync(manifest);

        var response = await _http.SendAsync(Push($"{host.WebhookUrl(12000)}/push", """{"push": {"changes": [ {"new": {"name": "main"}} ]}}""", "req-1"));
        var (subject, cloudEvent, _) = Assert.Single(await _probe.WaitForAsync(1));

        Assert.Equal((HttpStatusCode.OK, "success"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Equal(("default.bitbucket.example", "bitbucket"), (subject, cloudEvent.Type));
        var data = Encoding.UTF8.GetString(cloudEvent.Data.Span);
        Assert.EndsWith(",\"body\":{\"push\":{\"changes\":[{\"new\":{\"name\":\"main\"}}]}}}", data, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(cloudEvent.Data);
        Assert.Equal("repo:push", document.RootElement.GetProperty("headers").GetProperty("X-Event-Key")[0].GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_and_a_retry_with_the_same_request_uuid_is_stored_once()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/bitbucket.yaml");
        await using var host = await StartAsync(manifest);
        var url = $"{host.WebhookUrl(12000)}/push";

        var invalid = await _http.SendAsync(Push(url, "push=1", "req-0"));
        var first = await _http.SendAsync(Push(url, """{"n":1}""", "{a3f5c5e0-6f1e-4c4b-8a0e-1b2c3d4e5f60}"));
        var retry = await _http.SendAsync(Push(url, """{"n":1}""", "{a3f5c5e0-6f1e-4c4b-8a0e-1b2c3d4e5f60}"));
        var events = await _probe.WaitForAsync(2, within: TimeSpan.FromSeconds(2));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid event"), (invalid.StatusCode, await invalid.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Single(events);
    }

    private Task<EventSourceTestHost> StartAsync(string manifest)
        => EventSourceTestHost.StartAsync(manifest, nats.ClientUrl, sources: EventSourceService.DefaultSources());

    private static HttpRequestMessage Push(string url, string body, string requestId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Event-Key", "repo:push");
        request.Headers.Add("X-Request-UUID", requestId);
        return request;
    }
}
