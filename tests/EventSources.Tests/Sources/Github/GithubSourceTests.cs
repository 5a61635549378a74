using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.Github;
using ArgoEvents.EventSources.Tests.Sources.Sns;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Github;

public sealed class GithubSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const string Secret = "It's a Secret to Everybody";

    private const string SignedSource = """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: gh
        spec:
          github:
            push:
              repositories:
                - owner: argoproj
                  names: [argo-events]
              webhook:
                endpoint: /push
                port: "12100"
                method: POST
              events: ["*"]
              webhookSecret:
                name: github-access
                key: secret
              metadata:
                team: platform
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
    public async Task Argos_example_runs_and_both_routes_accept_deliveries_from_an_in_test_github_sender()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/github.yaml");
        await using var host = await StartAsync(manifest, new() { ["github-access/secret"] = Secret });

        // example: hook management would need GitHub; the route is served without a secret.
        var unsigned = await _http.SendAsync(Delivery($"{host.WebhookUrl(12000)}/push", """{"ref":"refs/heads/main"}""", "d-1", secret: null));
        // example-without-api-credentials: deliveries must be signed with the webhook secret.
        var signed = await _http.SendAsync(Delivery($"{host.WebhookUrl(13000)}/push", """{"ref":"refs/heads/dev"}""", "d-2", Secret));
        var events = await _probe.WaitForAsync(2);

        Assert.Equal((HttpStatusCode.OK, "success"), (unsigned.StatusCode, await unsigned.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(["default.github.example", "default.github.example-without-api-credentials"], events.Select(e => e.Subject).Order());
        Assert.All(events, e => Assert.Equal("github", e.Event.Type));
    }

    [Fact]
    public async Task A_signed_delivery_becomes_argos_payload_with_the_github_headers_added_to_the_body_as_go_writes_it()
    {
        await using var host = await StartAsync(SignedSource, new() { ["github-access/secret"] = Secret });
        const string body = """{"zen":"Keep it <simple>","hook_id":12345678,"size":1.50,"big":1e21,"tiny":0.0000001,"action":"opened","action":"closed","nested":{"b":1,"a":[true,null]}}""";

        var response = await _http.SendAsync(Delivery($"{host.WebhookUrl(12100)}/push", body, "72d3162e-cc78-11e3-81ab-4c9367dc0958", Secret));
        var (subject, cloudEvent, _) = Assert.Single(await _probe.WaitForAsync(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default.gh.push", subject);
        var data = Encoding.UTF8.GetString(cloudEvent.Data.Span);
        Assert.StartsWith("{\"headers\":{", data, StringComparison.Ordinal);
        // Go's map round trip: keys sorted (upper case first), the last duplicate wins, numbers as float64, HTML escaped.
        Assert.Contains(
            "\"body\":{\"X-GitHub-Delivery\":\"72d3162e-cc78-11e3-81ab-4c9367dc0958\",\"X-GitHub-Event\":\"push\",\"action\":\"closed\",\"big\":1e+21,\"hook_id\":12345678,\"nested\":{\"a\":[true,null],\"b\":1},\"size\":1.5,\"tiny\":1e-7,\"zen\":\"Keep it \\u003csimple\\u003e\"}",
            data,
            StringComparison.Ordinal);
        Assert.EndsWith(",\"metadata\":{\"team\":\"platform\"}}", data, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(cloudEvent.Data);
        var headers = document.RootElement.GetProperty("headers");
        Assert.Equal("push", headers.GetProperty("X-Github-Event")[0].GetString());
        Assert.StartsWith("sha256=", headers.GetProperty("X-Hub-Signature-256")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_signature_failure_is_refused_with_400_and_nothing_reaches_the_bus()
    {
        await using var host = await StartAsync(SignedSource, new() { ["github-access/secret"] = Secret });
        var url = $"{host.WebhookUrl(12100)}/push";
        const string body = """{"a":1}""";

        var missing = await _http.SendAsync(Delivery(url, body, "x-1", secret: null));
        var wrongSecret = await _http.SendAsync(Delivery(url, body, "x-2", "not the secret"));
        var tampered = Delivery(url, body, "x-3", Secret);
        tampered.Content = new StringContent("""{"a":2}""", Encoding.UTF8, "application/json");
        var tamperedResponse = await _http.SendAsync(tampered);
        var unknownAlgorithm = Delivery(url, body, "x-4", secret: null);
        unknownAlgorithm.Headers.Add("X-Hub-Signature-256", "md5=" + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body))));
        var unknownResponse = await _http.SendAsync(unknownAlgorithm);
        var notHex = Delivery(url, body, "x-5", secret: null);
        notHex.Headers.Add("X-Hub-Signature-256", "sha256=zz");
        var notHexResponse = await _http.SendAsync(notHex);

        Assert.Equal((HttpStatusCode.BadRequest, "missing signature"), (missing.StatusCode, await missing.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.BadRequest, "payload signature check failed"), (wrongSecret.StatusCode, await wrongSecret.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, tamperedResponse.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "unknown hash type prefix: \"md5\""), (unknownResponse.StatusCode, await unknownResponse.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, notHexResponse.StatusCode);
        Assert.Empty(await _probe.ReadAllAsync());
    }

    [Fact]
    public async Task The_legacy_sha1_signature_is_accepted_when_it_is_the_only_one_as_go_github_does()
    {
        await using var host = await StartAsync(SignedSource, new() { ["github-access/secret"] = Secret });
        const string body = """{"legacy":true}""";
        var request = Delivery($"{host.WebhookUrl(12100)}/push", body, "sha1-1", secret: null);
        request.Headers.Add("X-Hub-Signature", "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _probe.WaitForAsync(1));
    }

    [Fact]
    public async Task A_form_delivery_publishes_its_payload_field_and_other_content_types_are_refused()
    {
        await using var host = await StartAsync(SignedSource, new() { ["github-access/secret"] = Secret });
        var url = $"{host.WebhookUrl(12100)}/push";
        var formBody = "payload=" + Uri.EscapeDataString("""{"zen":"form & json"}""");
        var form = Delivery(url, formBody, "f-1", Secret);
        form.Content = new StringContent(formBody, Encoding.UTF8, "application/x-www-form-urlencoded");
        var text = Delivery(url, """{"a":1}""", "f-2", Secret);
        text.Content = new StringContent("""{"a":1}""", Encoding.UTF8, "text/plain");
        var array = Delivery(url, "[1,2]", "f-3", Secret);

        var formResponse = await _http.SendAsync(form);
        var textResponse = await _http.SendAsync(text);
        var arrayResponse = await _http.SendAsync(array);
        var (_, cloudEvent, _) = Assert.Single(await _probe.WaitForAsync(1));

        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "webhook request has unsupported Content-Type \"text/plain\""), (textResponse.StatusCode, await textResponse.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, arrayResponse.StatusCode);
        using var document = JsonDocument.Parse(cloudEvent.Data);
        Assert.Equal("form & json", document.RootElement.GetProperty("body").GetProperty("zen").GetString());
    }

    [Fact]
    public async Task A_redelivery_of_the_same_github_delivery_is_stored_once()
    {
        await using var host = await StartAsync(SignedSource, new() { ["github-access/secret"] = Secret });
        var url = $"{host.WebhookUrl(12100)}/push";

        var first = await _http.SendAsync(Delivery(url, """{"n":1}""", "same-delivery", Secret));
        var redelivery = await _http.SendAsync(Delivery(url, """{"n":1}""", "same-delivery", Secret));
        var other = await _http.SendAsync(Delivery(url, """{"n":2}""", "other-delivery", Secret));
        var events = await _probe.WaitForAsync(3, within: TimeSpan.FromSeconds(2));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { first.StatusCode, redelivery.StatusCode, other.StatusCode });
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task The_webhooks_auth_secret_is_required_as_a_bearer_token_and_masked_in_the_payload()
    {
        await using var host = await StartAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: gh
            spec:
              github:
                push:
                  repositories:
                    - owner: argoproj
                      names: [argo-events]
                  webhook:
                    endpoint: /push
                    port: "12100"
                    method: POST
                    authSecret:
                      name: github-access
                      key: bearer
                  webhookSecret:
                    name: github-access
                    key: secret
            """, new() { ["github-access/secret"] = Secret, ["github-access/bearer"] = "tok" });
        var url = $"{host.WebhookUrl(12100)}/push";

        var withoutToken = await _http.SendAsync(Delivery(url, """{"a":1}""", "b-1", Secret));
        var withToken = Delivery(url, """{"a":1}""", "b-2", Secret);
        withToken.Headers.TryAddWithoutValidation("Authorization", "Bearer tok");
        var accepted = await _http.SendAsync(withToken);
        var (_, cloudEvent, _) = Assert.Single(await _probe.WaitForAsync(1));

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var document = JsonDocument.Parse(cloudEvent.Data);
        Assert.Equal("*** Masked Auth Secret ***", document.RootElement.GetProperty("headers").GetProperty("Authorization")[0].GetString());
    }

    private Task<EventSourceTestHost> StartAsync(string manifest, Dictionary<string, string> secrets)
        => EventSourceTestHost.StartAsync(manifest, nats.ClientUrl, secrets: secrets, sources: EventSourceService.DefaultSources());

    private static HttpRequestMessage Delivery(string url, string body, string deliveryId, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        if (secret is not null)
        {
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body));
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(mac));
        }

        return request;
    }
}
