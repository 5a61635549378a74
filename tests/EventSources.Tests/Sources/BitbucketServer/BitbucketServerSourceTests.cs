using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.BitbucketServer;
using ArgoEvents.EventSources.Tests.Sources.Sns;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.BitbucketServer;

public sealed class BitbucketServerSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const string Secret = "bbs-hook-secret";

    private const string Push = """
        {"eventKey":"repo:refs_changed","date":"2017-09-19T09:45:32+1000","actor":{"name":"admin","id":1},
         "repository":{"slug":"repository","id":84,"project":{"key":"PROJ"}},
         "changes":[
           {"ref":{"id":"refs/heads/feature","displayId":"feature","type":"BRANCH"},"refId":"refs/heads/feature","fromHash":"a1","toHash":"h-open-pr","type":"UPDATE"},
           {"ref":{"id":"refs/heads/main","displayId":"main","type":"BRANCH"},"refId":"refs/heads/main","fromHash":"a2","toHash":"h-no-pr","type":"UPDATE"},
           {"ref":{"id":"refs/tags/v1","displayId":"v1","type":"TAG"},"refId":"refs/tags/v1","fromHash":"0","toHash":"h-tag","type":"ADD"}],
         "extra":"dropped by Argo's struct"}
        """;

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
    public async Task Argos_example_runs_and_a_signed_push_from_an_in_test_bitbucket_server_sender_is_published_as_received()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/bitbucketserver.yaml");
        await using var host = await StartAsync(manifest);

        var response = await _http.SendAsync(Delivery($"{host.WebhookUrl(12000)}/push", Push, "repo:refs_changed", Secret));
        var (subject, cloudEvent, _) = Assert.Single(await _probe.WaitForAsync(1));

        Assert.Equal((HttpStatusCode.OK, "success"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Equal(("default.bitbucketserver.example", "bitbucketserver"), (subject, cloudEvent.Type));
        using var document = JsonDocument.Parse(cloudEvent.Data);
        var body = document.RootElement.GetProperty("body");
        Assert.Equal(3, body.GetProperty("changes").GetArrayLength());
        Assert.Equal("dropped by Argo's struct", body.GetProperty("extra").GetString());
    }

    [Fact]
    public async Task Missing_and_wrong_signatures_are_refused_with_argos_400_and_nothing_reaches_the_bus()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/bitbucketserver.yaml");
        await using var host = await StartAsync(manifest);
        var url = $"{host.WebhookUrl(12000)}/push";

        var missing = await _http.SendAsync(Delivery(url, Push, "repo:refs_changed", secret: null));
        var wrong = await _http.SendAsync(Delivery(url, Push, "repo:refs_changed", "other secret"));
        var noPrefix = Delivery(url, Push, "repo:refs_changed", secret: null);
        noPrefix.Headers.Add("X-Hub-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(Push))));
        var noPrefixResponse = await _http.SendAsync(noPrefix);
        var badStruct = await _http.SendAsync(Delivery(url, """{"changes":[{"toHash":42}]}""", "repo:refs_changed", Secret));

        Assert.Equal(
            (HttpStatusCode.BadRequest, "failed to validate bitbucketserver webhook request: missing signature header"),
            (missing.StatusCode, await missing.Content.ReadAsStringAsync()));
        Assert.Equal(
            (HttpStatusCode.BadRequest, "failed to validate bitbucketserver webhook request: hmac verification failed"),
            (wrong.StatusCode, await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, noPrefixResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStruct.StatusCode);
        Assert.Contains("changes[0].toHash", await badStruct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _probe.ReadAllAsync());
    }

    [Fact]
    public async Task One_event_per_change_publishes_argos_struct_per_change_without_the_changes_that_have_an_open_pr_on_the_in_test_bitbucket_server_api()
    {
        var prs = new Dictionary<string, string>
        {
            ["h-open-pr"] = """{"size":2,"limit":500,"isLastPage":true,"values":[{"id":1,"state":"MERGED"},{"id":7,"state":"OPEN"}],"start":0}""",
            ["h-no-pr"] = """{"size":0,"limit":500,"isLastPage":true,"values":[],"start":0}""",
        };
        string? authorization = null;
        await using var api = await InTestHttpServer.StartAsync(async context =>
        {
            authorization = context.Request.Headers.Authorization.ToString();
            var commit = context.Request.Path.Value!.Split('/')[^2];
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(prs[commit]);
        });
        await using var host = await StartAsync($$"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: bbs
            spec:
              bitbucketserver:
                push:
                  repositories:
                    - projectKey: PROJ
                      repositorySlug: repository
                  webhook:
                    endpoint: /push
                    port: "12300"
                    method: POST
                  events: ["repo:refs_changed"]
                  accessToken:
                    name: bitbucketserver-access
                    key: token
                  webhookSecret:
                    name: bitbucketserver-access
                    key: secret
                  bitbucketserverBaseURL: {{api.BaseUrl}}/rest
                  skipBranchRefsChangedOnOpenPR: true
                  oneEventPerChange: true
            """);

        var response = await _http.SendAsync(Delivery($"{host.WebhookUrl(12300)}/push", Push, "repo:refs_changed", Secret));
        var events = await _probe.WaitForAsync(2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [
                "GET /rest/api/1.0/projects/PROJ/repos/repository/commits/h-open-pr/pull-requests?limit=500&start=0",
                "GET /rest/api/1.0/projects/PROJ/repos/repository/commits/h-no-pr/pull-requests?limit=500&start=0",
            ],
            api.Requests);
        Assert.Equal("Bearer bbs-token", authorization);
        Assert.Equal(2, events.Count);
        using var first = JsonDocument.Parse(events[0].Event.Data);
        Assert.Equal(
            """{"eventKey":"repo:refs_changed","date":"2017-09-19T09:45:32+1000","actor":{"name":"admin","emailAddress":"","id":1,"displayName":"","active":false,"slug":"","type":"","links":{"self":null}},"repository":{"slug":"repository","id":84,"name":"","hierarchyId":"","scmId":"","state":"","statusMessage":"","forkable":false,"project":{"key":"PROJ","id":0,"name":"","public":false,"type":"","links":{"self":null}},"public":false,"links":{"clone":null,"self":null}},"changes":[{"ref":{"id":"refs/heads/main","displayId":"main","type":"BRANCH"},"refId":"refs/heads/main","fromHash":"a2","toHash":"h-no-pr","type":"UPDATE"}]}""",
            first.RootElement.GetProperty("body").GetRawText());
        using var second = JsonDocument.Parse(events[1].Event.Data);
        Assert.Equal("TAG", second.RootElement.GetProperty("body").GetProperty("changes")[0].GetProperty("ref").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_push_whose_every_change_has_an_open_pr_is_acknowledged_and_publishes_nothing()
    {
        await using var api = await InTestHttpServer.StartAsync(context =>
            context.Response.WriteAsync("""{"isLastPage":true,"values":[{"id":7,"state":"OPEN"}]}"""));
        await using var host = await StartAsync($$"""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: bbs
            spec:
              bitbucketserver:
                push:
                  projects: [PROJ]
                  webhook:
                    endpoint: /push
                    port: "12301"
                    method: POST
                  accessToken:
                    name: bitbucketserver-access
                    key: token
                  bitbucketserverBaseURL: {{api.BaseUrl}}/rest
                  skipBranchRefsChangedOnOpenPR: true
            """);
        const string body = """{"repository":{"slug":"r","project":{"key":"PROJ"}},"changes":[{"ref":{"type":"BRANCH"},"toHash":"h","type":"UPDATE"}]}""";

        var response = await _http.SendAsync(Delivery($"{host.WebhookUrl(12301)}/push", body, "repo:refs_changed", secret: null));
        var other = await _http.SendAsync(Delivery($"{host.WebhookUrl(12301)}/push", """{"eventKey":"pr:opened"}""", "pr:opened", secret: null));
        var events = await _probe.WaitForAsync(2, within: TimeSpan.FromSeconds(2));

        Assert.Equal((HttpStatusCode.OK, "success"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var (_, cloudEvent, _) = Assert.Single(events);
        Assert.Contains("pr:opened", Encoding.UTF8.GetString(cloudEvent.Data.Span), StringComparison.Ordinal);
    }

    private Task<EventSourceTestHost> StartAsync(string manifest)
        => EventSourceTestHost.StartAsync(
            manifest,
            nats.ClientUrl,
            secrets: new Dictionary<string, string> { ["bitbucketserver-access/secret"] = Secret, ["bitbucketserver-access/token"] = "bbs-token" },
            sources: EventSourceService.DefaultSources());

    private static HttpRequestMessage Delivery(string url, string body, string eventKey, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Event-Key", eventKey);
        request.Headers.Add("X-Request-Id", Guid.NewGuid().ToString());
        if (secret is not null)
        {
            request.Headers.Add("X-Hub-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        }

        return request;
    }
}
