using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.Stripe;
using ArgoEvents.EventSources.Tests.Sources.Sns;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Stripe;

public sealed class StripeSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const string SigningSecret = "whsec_test_secret";

    private const string ChargeSucceeded = """
        {
          "id": "evt_1NG8Du2eZvKYlo2CUI79vXWy",
          "object": "event",
          "api_version": "2019-02-19",
          "created": 1686089970,
          "data": {
            "object": {"id": "ch_3NG8Dt", "object": "charge", "amount": 1099, "metadata": {}, "paid": true, "description": "<b>tea</b>"},
            "previous_attributes": {"status": "pending", "amount": 10.50}
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": "req_1", "idempotency_key": "key-1"},
          "type": "charge.succeeded",
          "unknown_member": "dropped"
        }
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
    public async Task Argos_example_runs_and_an_event_from_an_in_test_stripe_sender_becomes_argos_payload_as_stripe_go_writes_it()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/stripe.yaml");
        await using var host = await StartAsync(manifest);

        var response = await _http.PostAsync($"{host.WebhookUrl(12000)}/example", Json(ChargeSucceeded));
        var (subject, cloudEvent, _) = Assert.Single(await _probe.WaitForAsync(1));

        Assert.Equal((HttpStatusCode.OK, "success"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Equal(("default.stripe.example", "stripe"), (subject, cloudEvent.Type));
        Assert.Equal(
            """{"event":{"account":"","api_version":"2019-02-19","created":1686089970,"data":{"previous_attributes":{"amount":10.5,"status":"pending"},"object":{"id":"ch_3NG8Dt","object":"charge","amount":1099,"metadata":{},"paid":true,"description":"\u003cb\u003etea\u003c/b\u003e"}},"id":"evt_1NG8Du2eZvKYlo2CUI79vXWy","livemode":false,"pending_webhooks":1,"request":{"id":"req_1","idempotency_key":"key-1"},"type":"charge.succeeded"}}""",
            Encoding.UTF8.GetString(cloudEvent.Data.Span));
    }

    [Fact]
    public async Task Event_types_outside_event_filter_and_unreadable_events_are_refused_and_a_retry_is_stored_once()
    {
        await using var host = await StartAsync(Manifest(12500, filter: true));
        var url = $"{host.WebhookUrl(12500)}/stripe";

        var kept = await _http.PostAsync(url, Json(ChargeSucceeded));
        var retried = await _http.PostAsync(url, Json(ChargeSucceeded));
        var filtered = await _http.PostAsync(url, Json(ChargeSucceeded.Replace("charge.succeeded", "customer.created", StringComparison.Ordinal)));
        var wrongType = await _http.PostAsync(url, Json("""{"id":"evt_2","created":"yesterday","type":"charge.succeeded"}"""));
        var notJson = await _http.PostAsync(url, Json("evt"));
        var events = await _probe.WaitForAsync(2, within: TimeSpan.FromSeconds(2));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (kept.StatusCode, retried.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid event"), (filtered.StatusCode, await filtered.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("event.created", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var (_, cloudEvent, _) = Assert.Single(events);
        using var document = JsonDocument.Parse(cloudEvent.Data);
        Assert.Equal("ci", document.RootElement.GetProperty("metadata").GetProperty("source").GetString());
    }

    [Fact]
    public async Task With_a_configured_signing_secret_every_signature_failure_is_refused_with_400_and_nothing_reaches_the_bus()
    {
        await using var host = await StartAsync(Manifest(12501, filter: false), new Dictionary<string, string> { ["EventSource:Stripe:payments:SigningSecret"] = "stripe-webhook/secret" });
        var url = $"{host.WebhookUrl(12501)}/stripe";
        var now = DateTimeOffset.UtcNow;

        var unsigned = await _http.PostAsync(url, Json(ChargeSucceeded));
        var wrong = await _http.SendAsync(Signed(url, ChargeSucceeded, $"t={Unix(now)},v1={Sign("whsec_other", now, ChargeSucceeded)}"));
        var expired = await _http.SendAsync(Signed(url, ChargeSucceeded, $"t={Unix(now.AddSeconds(-301))},v1={Sign(SigningSecret, now.AddSeconds(-301), ChargeSucceeded)}"));
        var noV1 = await _http.SendAsync(Signed(url, ChargeSucceeded, $"t={Unix(now)},v0={Sign(SigningSecret, now, ChargeSucceeded)}"));
        var tampered = await _http.SendAsync(Signed(url, ChargeSucceeded.Replace("1099", "1", StringComparison.Ordinal), $"t={Unix(now)},v1={Sign(SigningSecret, now, ChargeSucceeded)}"));

        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "no signatures found matching the expected signature for payload"), (wrong.StatusCode, await wrong.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.BadRequest, "timestamp outside the tolerance zone"), (expired.StatusCode, await expired.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, noV1.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Empty(await _probe.ReadAllAsync());
    }

    [Fact]
    public async Task With_a_configured_signing_secret_a_delivery_signed_by_a_rolled_secret_among_others_is_accepted()
    {
        await using var host = await StartAsync(Manifest(12502, filter: false), new Dictionary<string, string> { ["EventSource:Stripe:payments:SigningSecret"] = "stripe-webhook/secret" });
        var now = DateTimeOffset.UtcNow;

        var response = await _http.SendAsync(Signed(
            $"{host.WebhookUrl(12502)}/stripe",
            ChargeSucceeded,
            $"t={Unix(now)},v1={Sign("whsec_old", now, ChargeSucceeded)},v1={Sign(SigningSecret, now, ChargeSucceeded)},v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _probe.WaitForAsync(1));
    }

    [Fact]
    public async Task A_malformed_signing_secret_setting_stops_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            StartAsync(Manifest(12503, filter: false), new Dictionary<string, string> { ["EventSource:Stripe:payments:SigningSecret"] = "whsec_literal" }));

        Assert.Contains("EventSource:Stripe:payments:SigningSecret", error.Message, StringComparison.Ordinal);
    }

    private Task<EventSourceTestHost> StartAsync(string manifest, Dictionary<string, string>? settings = null)
        => EventSourceTestHost.StartAsync(
            manifest,
            nats.ClientUrl,
            secrets: new Dictionary<string, string> { ["stripe-webhook/secret"] = SigningSecret },
            settings: settings,
            sources: EventSourceService.DefaultSources());

    private static string Manifest(int port, bool filter) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: stripe
        spec:
          stripe:
            payments:
              webhook:
                endpoint: /stripe
                port: "{{port}}"
                method: POST
              {{(filter ? "eventFilter: [charge.succeeded, charge.failed]" : "eventFilter: []")}}
              metadata:
                source: ci
        """;

    private static HttpRequestMessage Signed(string url, string body, string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", header);
        return request;
    }

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Sign(string secret, DateTimeOffset at, string body)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{Unix(at)}.{body}")));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
