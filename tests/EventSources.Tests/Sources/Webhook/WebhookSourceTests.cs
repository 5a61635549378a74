using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Tests.Sources.Sns;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Webhook;

public sealed class WebhookSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const string ArgoWebhookExample = """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: webhook
        spec:
          service:
            ports:
              - port: 12000
                targetPort: 12000
          webhook:
            example:
              port: "12000"
              endpoint: /example
              method: POST
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
    public async Task Argos_example_manifest_runs_unchanged_and_a_post_becomes_argos_event_on_the_bus()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/webhook.yaml");
        await using var host = await EventSourceTestHost.StartAsync(manifest, nats.ClientUrl);

        var response = await _http.PostAsync($"{host.WebhookUrl(12000)}/example", Json("""{"message": "hello <world>"}"""));
        var events = await _probe.WaitForAsync(1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        var (subject, cloudEvent, msgId) = Assert.Single(events);
        Assert.Equal("default.webhook.example", subject);
        Assert.Equal(("webhook", "webhook", "example", "application/json"), (cloudEvent.Source, cloudEvent.Type, cloudEvent.Subject, cloudEvent.DataContentType));
        Assert.Matches("^[0-9a-f]{32}$", cloudEvent.Id);
        Assert.Equal(cloudEvent.Id, msgId);
        using var data = JsonDocument.Parse(cloudEvent.Data);
        Assert.Equal("hello <world>", data.RootElement.GetProperty("body").GetProperty("message").GetString());
        Assert.Equal("application/json; charset=utf-8", data.RootElement.GetProperty("header").GetProperty("Content-Type")[0].GetString());
        Assert.False(data.RootElement.TryGetProperty("metadata", out _));
        // Go's encoder: compacted body, HTML characters escaped.
        Assert.Contains("\"body\":{\"message\":\"hello \\u003cworld\\u003e\"}", Encoding.UTF8.GetString(cloudEvent.Data.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_query_and_urlencoded_form_bodies_become_json_maps_and_metadata_is_added()
    {
        await using var host = await EventSourceTestHost.StartAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: forms
            spec:
              webhook:
                query:
                  port: "12001"
                  endpoint: /q
                  method: GET
                  metadata:
                    team: platform
                form:
                  port: "12001"
                  endpoint: form
                  method: POST
            """, nats.ClientUrl);

        var get = await _http.GetAsync($"{host.WebhookUrl(12001)}/q?b=2&a=1&a=3");
        var post = await _http.PostAsync($"{host.WebhookUrl(12001)}/form", new FormUrlEncodedContent([new("x", "1"), new("y", "two words")]));
        var events = await _probe.WaitForAsync(2);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var query = Data(events.Single(e => e.Subject == "default.forms.query").Event);
        Assert.Equal("""{"a":["1","3"],"b":["2"]}""", query.GetProperty("body").GetRawText());
        Assert.Equal("platform", query.GetProperty("metadata").GetProperty("team").GetString());
        var form = Data(events.Single(e => e.Subject == "default.forms.form").Event);
        Assert.Equal("""{"x":["1"],"y":["two words"]}""", form.GetProperty("body").GetRawText());
    }

    [Fact]
    public async Task Bad_requests_get_argos_answers_and_nothing_reaches_the_bus()
    {
        await using var host = await EventSourceTestHost.StartAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: strict
            spec:
              webhook:
                small:
                  port: "12002"
                  endpoint: /small
                  method: POST
                  maxPayloadSize: 64
            """, nats.ClientUrl);
        var url = $"{host.WebhookUrl(12002)}/small";

        var invalidJson = await _http.PostAsync(url, Json("{not json"));
        var empty = await _http.PostAsync(url, Json(""));
        var wrongMethod = await _http.GetAsync(url);
        var putMethod = await _http.PutAsync(url, Json("{}"));
        var tooLarge = await _http.PostAsync(url, Json($"{{\"pad\":\"{new string('x', 100)}\"}}"));
        var unknownPath = await _http.PostAsync($"{host.WebhookUrl(12002)}/nope", Json("{}"));
        var health = await _http.GetAsync($"{host.WebhookUrl(12002)}/health");

        Assert.Equal(HttpStatusCode.BadRequest, invalidJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "http method does not match"), (wrongMethod.StatusCode, await wrongMethod.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, putMethod.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPath.StatusCode);
        Assert.Equal((HttpStatusCode.OK, "OK"), (health.StatusCode, await health.Content.ReadAsStringAsync()));
        Assert.Empty(await _probe.ReadAllAsync());
    }

    [Fact]
    public async Task Auth_secret_requires_the_bearer_token_and_masks_it_in_the_payload()
    {
        await using var host = await EventSourceTestHost.StartAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: secured
            spec:
              webhook:
                example:
                  port: "12003"
                  endpoint: /example
                  method: POST
                  authSecret:
                    name: my-webhook-token
                    key: my-token
            """, nats.ClientUrl, secrets: new Dictionary<string, string> { ["my-webhook-token/my-token"] = "s3cr3t\n" });
        var url = $"{host.WebhookUrl(12003)}/example";

        var missing = await _http.PostAsync(url, Json("{}"));
        var wrong = await Send(url, "Bearer nope");
        var basic = await Send(url, "Basic s3cr3t");
        var right = await Send(url, "Bearer s3cr3t");
        var events = await _probe.WaitForAsync(1);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var data = Data(Assert.Single(events).Event);
        Assert.Equal("*** Masked Auth Secret ***", data.GetProperty("header").GetProperty("Authorization")[0].GetString());
        Assert.DoesNotContain("s3cr3t", data.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_auth_secret_stops_the_start_with_the_field_named()
    {
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => EventSourceTestHost.StartAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: nosecret
            spec:
              webhook:
                example:
                  port: "12004"
                  endpoint: /example
                  method: POST
                  authSecret:
                    name: absent
                    key: token
            """, nats.ClientUrl));

        Assert.Contains("spec.webhook.example.authSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("absent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloudEvents_in_binary_and_structured_mode_are_accepted_and_a_retried_event_is_stored_once()
    {
        await using var host = await EventSourceTestHost.StartAsync(ArgoWebhookExample, nats.ClientUrl);
        var url = $"{host.WebhookUrl(12000)}/example";

        HttpRequestMessage Binary()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json("""{"order":42}""") };
            request.Headers.Add("ce-specversion", "1.0");
            request.Headers.Add("ce-id", "order-42");
            request.Headers.Add("ce-source", "/shop");
            request.Headers.Add("ce-type", "com.example.order");
            return request;
        }

        var first = await _http.SendAsync(Binary());
        var retry = await _http.SendAsync(Binary());
        var structured = await _http.PostAsync(url, new StringContent(
            """{"specversion":"1.0","id":"order-43","source":"/shop","type":"com.example.order","datacontenttype":"application/json","data":{"order":43}}""",
            Encoding.UTF8,
            "application/cloudevents+json"));
        await Task.Delay(300);
        var events = await _probe.WaitForAsync(2);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, structured.StatusCode);
        Assert.Equal(2, events.Count);
        Assert.Equal([42, 43], events.Select(e => Data(e.Event).GetProperty("body").GetProperty("order").GetInt32()));
        Assert.All(events, e => Assert.Equal("webhook", e.Event.Type));
    }

    [Fact]
    public async Task When_the_bus_refuses_the_event_the_request_gets_500_and_no_success()
    {
        await using var host = await EventSourceTestHost.StartAsync(ArgoWebhookExample, nats.ClientUrl, settings: new Dictionary<string, string>
        {
            ["EventBus:Stream:MaxMsgs"] = "1",
            ["EventBus:Stream:Discard"] = "New",
        });
        var url = $"{host.WebhookUrl(12000)}/example";

        var accepted = await _http.PostAsync(url, Json("""{"n":1}"""));
        var refused = await _http.PostAsync(url, Json("""{"n":2}"""));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal((HttpStatusCode.InternalServerError, "failed to record event"), (refused.StatusCode, await refused.Content.ReadAsStringAsync()));
        Assert.Single(await _probe.ReadAllAsync());
        var metrics = await _http.GetStringAsync($"{host.ServiceUrl}/metrics");
        Assert.Contains("argo_events_events_sent_total{event_name=\"example\",eventsource_name=\"webhook\",namespace=\"default\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("argo_events_events_sent_failed_total{event_name=\"example\",eventsource_name=\"webhook\",namespace=\"default\"} 1", metrics, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> Send(string url, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json("{}") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return _http.SendAsync(request);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static JsonElement Data(ArgoEvents.EventBus.CloudEvents.CloudEvent cloudEvent) => JsonDocument.Parse(cloudEvent.Data).RootElement;
}
