using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.Slack;
using ArgoEvents.EventSources.Tests.Sources.Sns;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Slack;

public sealed class SlackSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string VerificationToken = "Jhj5dZrVaK7ZwHHjRyZWjbDl";

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
    public async Task Argos_example_runs_without_its_tls_event_and_answers_an_in_test_slack_url_verification()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/slack.yaml");
        // This build serves webhooks over plain HTTP only (TLS ends at the ingress), so the example's TLS event goes.
        manifest = manifest[..manifest.IndexOf("    example-secure:", StringComparison.Ordinal)];
        await using var host = await StartAsync(manifest);

        var response = await _http.SendAsync(Signed($"{host.WebhookUrl(12000)}/", $$"""{"token":"{{VerificationToken}}","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""));

        Assert.Equal((HttpStatusCode.OK, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Empty(await _probe.ReadAllAsync());
    }

    [Fact]
    public async Task An_event_callback_publishes_its_inner_event_and_slacks_retry_of_it_is_stored_once()
    {
        await using var host = await StartAsync(Manifest(12400));
        var body = $$$"""
            {"token":"{{{VerificationToken}}}","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev08MFMKH6","event_time":1234567890,
             "event":{"type":"app_mention","user":"U1","text":"<@U0LAN0Z89> is it <b>?</b>","ts":"1515449522.000016","channel":"C0LAN2Q65"}}
            """;

        var first = await _http.SendAsync(Signed($"{host.WebhookUrl(12400)}/slack", body));
        var retry = Signed($"{host.WebhookUrl(12400)}/slack", body);
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        var retried = await _http.SendAsync(retry);
        var events = await _probe.WaitForAsync(2, within: TimeSpan.FromSeconds(2));

        Assert.Equal((HttpStatusCode.OK, "success"), (first.StatusCode, await first.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var (subject, cloudEvent, _) = Assert.Single(events);
        Assert.Equal(("default.slack.app", "slack"), (subject, cloudEvent.Type));
        Assert.Equal(
            """{"type":"app_mention","Data":{"type":"app_mention","user":"U1","text":"\u003c@U0LAN0Z89\u003e is it \u003cb\u003e?\u003c/b\u003e","ts":"1515449522.000016","channel":"C0LAN2Q65"}}""",
            Encoding.UTF8.GetString(cloudEvent.Data.Span));
    }

    [Fact]
    public async Task Every_signature_failure_is_refused_with_401_and_nothing_reaches_the_bus()
    {
        await using var host = await StartAsync(Manifest(12401));
        var url = $"{host.WebhookUrl(12401)}/slack";
        var body = $$$"""{"token":"{{{VerificationToken}}}","type":"event_callback","event_id":"E1","event":{"type":"message"}}""";

        var unsigned = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(body) });
        var wrongSecret = await _http.SendAsync(Signed(url, body, secret: "not-the-signing-secret"));
        var expired = await _http.SendAsync(Signed(url, body, at: DateTimeOffset.UtcNow.AddMinutes(-6)));
        var future = await _http.SendAsync(Signed(url, body, at: DateTimeOffset.UtcNow.AddMinutes(6)));
        var tampered = Signed(url, body);
        tampered.Content = Json(body.Replace("message", "reaction_added", StringComparison.Ordinal));
        var tamperedResponse = await _http.SendAsync(tampered);
        var badTimestamp = Signed(url, body);
        badTimestamp.Headers.Remove("X-Slack-Request-Timestamp");
        badTimestamp.Headers.Add("X-Slack-Request-Timestamp", "yesterday");
        var badTimestampResponse = await _http.SendAsync(badTimestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "signature validation failed"), (wrongSecret.StatusCode, await wrongSecret.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.Unauthorized, "timestamp is too old"), (expired.StatusCode, await expired.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, future.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tamperedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badTimestampResponse.StatusCode);
        Assert.Empty(await _probe.ReadAllAsync());
    }

    [Fact]
    public async Task A_wrong_verification_token_gets_argos_500_and_nothing_reaches_the_bus()
    {
        await using var host = await StartAsync(Manifest(12402));

        var response = await _http.SendAsync(Signed($"{host.WebhookUrl(12402)}/slack", """{"token":"stolen","type":"event_callback","event_id":"E2","event":{"type":"message"}}"""));

        Assert.Equal((HttpStatusCode.InternalServerError, "failed to extract event, Invalid verification token"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Empty(await _probe.ReadAllAsync());
    }

    [Fact]
    public async Task Interactions_and_slash_commands_from_forms_become_events_and_other_forms_get_500()
    {
        await using var host = await StartAsync(Manifest(12403));
        var url = $"{host.WebhookUrl(12403)}/slack";
        var interaction = Form(url, "payload=" + Uri.EscapeDataString("""{ "type": "block_actions", "user": {"id": "U1"}, "actions": [ {"action_id": "approve"} ] }"""));
        var command = Form(url, "token=t&team_id=T1&team_domain=example&channel_id=C1&channel_name=general&user_id=U1&user_name=steve&command=%2Fdeploy&text=prod+now&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A1");
        var neither = Form(url, "something=else");

        var interactionResponse = await _http.SendAsync(interaction);
        var commandResponse = await _http.SendAsync(command);
        var neitherResponse = await _http.SendAsync(neither);
        var events = await _probe.WaitForAsync(2);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (interactionResponse.StatusCode, commandResponse.StatusCode));
        Assert.Equal((HttpStatusCode.InternalServerError, "could not determine slack type from form parameters"), (neitherResponse.StatusCode, await neitherResponse.Content.ReadAsStringAsync()));
        Assert.Equal(2, events.Count);
        Assert.Equal("""{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"approve"}]}""", Encoding.UTF8.GetString(events[0].Event.Data.Span));
        Assert.Equal(
            """{"token":"t","team_id":"T1","team_domain":"example","is_enterprise_install":false,"channel_id":"C1","channel_name":"general","user_id":"U1","user_name":"steve","command":"/deploy","text":"prod now","response_url":"https://hooks.slack.com/commands/1","trigger_id":"13345224609.738474920.8088930838d88f008e0","api_app_id":"A1"}""",
            Encoding.UTF8.GetString(events[1].Event.Data.Span));
    }

    private Task<EventSourceTestHost> StartAsync(string manifest)
        => EventSourceTestHost.StartAsync(
            manifest,
            nats.ClientUrl,
            secrets: new Dictionary<string, string> { ["slack-secret/tokenkey"] = VerificationToken, ["slack-secret/signingSecret"] = SigningSecret },
            sources: EventSourceService.DefaultSources());

    private static string Manifest(int port) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: slack
        spec:
          slack:
            app:
              webhook:
                endpoint: /slack
                port: "{{port}}"
                method: POST
              token:
                name: slack-secret
                key: tokenkey
              signingSecret:
                name: slack-secret
                key: signingSecret
        """;

    private static HttpRequestMessage Form(string url, string body)
    {
        var request = Signed(url, body);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return request;
    }

    private static HttpRequestMessage Signed(string url, string body, string secret = SigningSecret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json(body) };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return request;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
