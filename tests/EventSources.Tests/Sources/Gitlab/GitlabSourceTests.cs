using System.Net;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.Gitlab;
using ArgoEvents.EventSources.Tests.Sources.Sns;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Gitlab;

public sealed class GitlabSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const string Token = "gl-secret-token";
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
    public async Task Argos_example_runs_and_both_routes_accept_hooks_from_an_in_test_gitlab_sender()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/gitlab.yaml");
        await using var host = await StartAsync(manifest);

        var project = await _http.SendAsync(Hook($"{host.WebhookUrl(12000)}/push", """{"object_kind":"push","ref":"refs/heads/main"}""", Token));
        var group = await _http.SendAsync(Hook($"{host.WebhookUrl(12000)}/group", """{"object_kind":"issue"}""", Token));
        var events = await _probe.WaitForAsync(2);

        Assert.Equal((HttpStatusCode.OK, "success"), (project.StatusCode, await project.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, group.StatusCode);
        Assert.Equal(["default.gitlab.example", "default.gitlab.group-example"], events.Select(e => e.Subject).Order());
        var push = events.Single(e => e.Subject == "default.gitlab.example").Event;
        Assert.Equal("gitlab", push.Type);
        var data = Encoding.UTF8.GetString(push.Data.Span);
        Assert.StartsWith("{\"headers\":{", data, StringComparison.Ordinal);
        Assert.EndsWith(",\"body\":{\"object_kind\":\"push\",\"ref\":\"refs/heads/main\"}}", data, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(push.Data);
        Assert.Equal("Push Hook", document.RootElement.GetProperty("headers").GetProperty("X-Gitlab-Event")[0].GetString());
    }

    [Fact]
    public async Task A_missing_or_wrong_token_is_refused_with_argos_400_and_nothing_reaches_the_bus()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/gitlab.yaml");
        await using var host = await StartAsync(manifest);
        var url = $"{host.WebhookUrl(12000)}/push";

        var missing = await _http.SendAsync(Hook(url, "{}", token: null));
        var wrong = await _http.SendAsync(Hook(url, "{}", "gl-secret-tokeN"));
        var prefix = await _http.SendAsync(Hook(url, "{}", Token[..^1]));
        var notJson = await _http.SendAsync(Hook(url, "{\"object_kind\":", Token));

        Assert.Equal((HttpStatusCode.BadRequest, "token mismatch"), (missing.StatusCode, await missing.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, prefix.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid event"), (notJson.StatusCode, await notJson.Content.ReadAsStringAsync()));
        Assert.Empty(await _probe.ReadAllAsync());
    }

    [Fact]
    public async Task A_retried_hook_with_the_same_idempotency_key_is_stored_once_and_metadata_is_added()
    {
        await using var host = await StartAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: gl
            spec:
              gitlab:
                push:
                  projects: ["3"]
                  webhook:
                    endpoint: /push
                    port: "12200"
                    method: POST
                  events: [PushEvents]
                  accessToken:
                    name: gitlab-access
                    key: token
                  gitlabBaseURL: https://gitlab.example
                  metadata:
                    env: test
            """);
        var url = $"{host.WebhookUrl(12200)}/push";

        HttpRequestMessage Retry()
        {
            var request = Hook(url, """{"object_kind":"push"}""", token: null);
            request.Headers.Add("Idempotency-Key", "f0d9b2b6-8f5e-4ab0-9d3b-2d1f6a0d5b11");
            return request;
        }

        var first = await _http.SendAsync(Retry());
        var retry = await _http.SendAsync(Retry());
        var events = await _probe.WaitForAsync(2, within: TimeSpan.FromSeconds(2));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        var (_, cloudEvent, _) = Assert.Single(events);
        Assert.EndsWith(",\"metadata\":{\"env\":\"test\"}}", Encoding.UTF8.GetString(cloudEvent.Data.Span), StringComparison.Ordinal);
    }

    private Task<EventSourceTestHost> StartAsync(string manifest)
        => EventSourceTestHost.StartAsync(
            manifest,
            nats.ClientUrl,
            secrets: new Dictionary<string, string> { ["gitlab-secret/token"] = Token },
            sources: EventSourceService.DefaultSources());

    private static HttpRequestMessage Hook(string url, string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Gitlab-Event", "Push Hook");
        if (token is not null)
        {
            request.Headers.Add("X-Gitlab-Token", token);
        }

        return request;
    }
}
