using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.Sns;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Sns;

public sealed class SnsSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:MyTopic";
    private static readonly Dictionary<string, string> AllowLoopback = new() { [SnsUrlPolicy.AllowLoopbackSetting] = "true" };

    private readonly HttpClient _http = new();
    private readonly RSA _signingKey = RSA.Create(2048);
    private BusProbe _probe = null!;
    private InTestHttpServer _sns = null!;
    private string _certificatePem = null!;

    public async ValueTask InitializeAsync()
    {
        _probe = await BusProbe.ConnectAsync(nats.ClientUrl);
        await _probe.ResetAsync();
        _certificatePem = SelfSignedPem(_signingKey);
        var otherKeyPem = SelfSignedPem(RSA.Create(2048));
        _sns = await InTestHttpServer.StartAsync(context => context.Request.Path.Value switch
        {
            "/SimpleNotificationService-signing.pem" => context.Response.WriteAsync(_certificatePem),
            "/other-key.pem" => context.Response.WriteAsync(otherKeyPem),
            "/confirm" when context.Request.Query["Token"] == "good-token" => context.Response.WriteAsync("<ConfirmSubscriptionResponse/>"),
            _ => Forbidden(context),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _sns.DisposeAsync();
        await _probe.DisposeAsync();
        _signingKey.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task Argos_example_runs_confirms_the_subscription_and_publishes_notifications_against_in_test_sns_endpoints()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/aws-sns.yaml");
        await using var host = await StartAsync(manifest, AllowLoopback);
        var url = $"{host.WebhookUrl(12000)}/";

        var confirmation = await _http.SendAsync(Post(url, Confirmation("good-token")));
        var notification = Notification("Hello <world>", messageId: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
        var delivered = await _http.SendAsync(Post(url, notification));
        var redelivered = await _http.SendAsync(Post(url, notification));
        var events = await _probe.WaitForAsync(2, within: TimeSpan.FromSeconds(2));

        Assert.Equal((HttpStatusCode.OK, ""), (confirmation.StatusCode, await confirmation.Content.ReadAsStringAsync()));
        Assert.Contains(_sns.Requests, r => r.StartsWith("GET /confirm?Action=ConfirmSubscription&", StringComparison.Ordinal) && r.EndsWith("&Token=good-token", StringComparison.Ordinal));
        Assert.Equal((HttpStatusCode.OK, "success"), (delivered.StatusCode, await delivered.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var (subject, cloudEvent, _) = Assert.Single(events);
        Assert.Equal(("default.aws-sns.example", "sns"), (subject, cloudEvent.Type));
        var data = Encoding.UTF8.GetString(cloudEvent.Data.Span);
        Assert.StartsWith("{\"header\":{", data, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(cloudEvent.Data);
        Assert.Equal("Hello <world>", document.RootElement.GetProperty("body").GetProperty("Message").GetString());
        Assert.Equal("Notification", document.RootElement.GetProperty("header").GetProperty("X-Amz-Sns-Message-Type")[0].GetString());
    }

    [Fact]
    public async Task With_validate_signature_messages_signed_with_version_1_and_2_pass_against_in_test_sns_endpoints()
    {
        await using var host = await StartAsync(Manifest(12600, validate: true), AllowLoopback);
        var url = $"{host.WebhookUrl(12600)}/sns";

        var v1 = await _http.SendAsync(Post(url, Notification("one", messageId: "m-1", version: "1")));
        var v2 = await _http.SendAsync(Post(url, Notification("two", messageId: "m-2", version: "2", subject: "With subject")));
        var confirmation = await _http.SendAsync(Post(url, Confirmation("good-token", version: "2")));
        var events = await _probe.WaitForAsync(2);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (v1.StatusCode, v2.StatusCode, confirmation.StatusCode));
        Assert.Equal(2, events.Count);
        Assert.Equal(1, _sns.Requests.Count(r => r.StartsWith("GET /SimpleNotificationService-signing.pem", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task With_validate_signature_every_signature_failure_is_refused_with_400_against_in_test_sns_endpoints()
    {
        await using var host = await StartAsync(Manifest(12601, validate: true), AllowLoopback);
        var url = $"{host.WebhookUrl(12601)}/sns";

        var tampered = Notification("original", messageId: "t-1").Replace("original", "forged", StringComparison.Ordinal);
        var otherKey = Notification("x", messageId: "t-2", certificatePath: "/other-key.pem");
        var unsigned = Notification("x", messageId: "t-3", signature: "");
        var unknownVersion = Notification("x", messageId: "t-4", version: "3");
        var missingCertificate = Notification("x", messageId: "t-5", certificatePath: "/missing.pem");
        var responses = new List<HttpResponseMessage>();
        foreach (var body in new[] { tampered, otherKey, unsigned, unknownVersion, missingCertificate, "{\"Type\":", "[1]" })
        {
            responses.Add(await _http.SendAsync(Post(url, body)));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal("message signature check error, the signature does not match", await responses[0].Content.ReadAsStringAsync());
        Assert.Equal("unsupported SignatureVersion '3'", await responses[3].Content.ReadAsStringAsync());
        Assert.Empty(await _probe.ReadAllAsync());
    }

    [Fact]
    public async Task Without_the_loopback_option_only_https_sns_hosts_are_fetched_and_nothing_else_is_contacted()
    {
        await using var host = await StartAsync(Manifest(12602, validate: true), settings: null);
        var url = $"{host.WebhookUrl(12602)}/sns";

        var confirmation = await _http.SendAsync(Post(url, Confirmation("good-token")));
        var notification = await _http.SendAsync(Post(url, Notification("x", messageId: "p-1")));
        var lookalike = await _http.SendAsync(Post(url, Notification("x", messageId: "p-2", certificateBase: "https://sns.us-east-1.amazonaws.com.evil.example")));

        Assert.Equal(HttpStatusCode.BadRequest, confirmation.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "failed to verify SigningCertURL, SigningCertURL hostname `127.0.0.1` is not an SNS host"), (notification.StatusCode, await notification.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, lookalike.StatusCode);
        Assert.Empty(_sns.Requests);
        Assert.Empty(await _probe.ReadAllAsync());
    }

    [Fact]
    public async Task A_confirmation_sns_refuses_is_answered_400()
    {
        await using var host = await StartAsync(Manifest(12603, validate: false), AllowLoopback);

        var response = await _http.SendAsync(Post($"{host.WebhookUrl(12603)}/sns", Confirmation("expired-token")));

        Assert.Equal((HttpStatusCode.BadRequest, "SNS answered the subscription confirmation with 403"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    private Task<EventSourceTestHost> StartAsync(string manifest, Dictionary<string, string>? settings)
        => EventSourceTestHost.StartAsync(manifest, nats.ClientUrl, settings: settings, sources: EventSourceService.DefaultSources());

    private static string Manifest(int port, bool validate) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: sns
        spec:
          sns:
            topic:
              topicArn: {{TopicArn}}
              region: us-east-1
              validateSignature: {{(validate ? "true" : "false")}}
              webhook:
                endpoint: /sns
                port: "{{port}}"
                method: POST
        """;

    private static HttpRequestMessage Post(string url, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        using var document = JsonDocument.Parse(body.Length > 2 && body.StartsWith('{') && body.EndsWith('}') ? body : "{}");
        if (document.RootElement.TryGetProperty("Type", out var type))
        {
            request.Headers.Add("x-amz-sns-message-type", type.GetString());
        }

        return request;
    }

    private string Notification(string message, string messageId, string version = "1", string? subject = null, string certificatePath = "/SimpleNotificationService-signing.pem", string? certificateBase = null, string? signature = null)
    {
        var members = new List<(string Name, string Value)>
        {
            ("Type", "Notification"),
            ("MessageId", messageId),
            ("TopicArn", TopicArn),
        };
        if (subject is not null)
        {
            members.Add(("Subject", subject));
        }

        members.Add(("Message", message));
        members.Add(("Timestamp", "2012-05-02T00:54:06.655Z"));
        members.Add(("SignatureVersion", version));
        var toSign = new[] { "Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type" };
        members.Add(("Signature", signature ?? Sign(members, toSign, version)));
        members.Add(("SigningCertURL", (certificateBase ?? _sns.BaseUrl) + certificatePath));
        members.Add(("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe"));
        return JsonSerializer.Serialize(members.ToDictionary(m => m.Name, m => m.Value));
    }

    private string Confirmation(string token, string version = "1")
    {
        var members = new List<(string Name, string Value)>
        {
            ("Type", "SubscriptionConfirmation"),
            ("MessageId", "165545c9-2a5c-472c-8df2-7ff2be2b3b1b"),
            ("Token", token),
            ("TopicArn", TopicArn),
            ("Message", "You have chosen to subscribe to the topic. To confirm the subscription, visit the SubscribeURL included in this message."),
            ("SubscribeURL", $"{_sns.BaseUrl}/confirm?Action=ConfirmSubscription&TopicArn={TopicArn}&Token={token}"),
            ("Timestamp", "2012-04-26T20:45:04.751Z"),
            ("SignatureVersion", version),
        };
        members.Add(("Signature", Sign(members, ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"], version)));
        members.Add(("SigningCertURL", _sns.BaseUrl + "/SimpleNotificationService-signing.pem"));
        return JsonSerializer.Serialize(members.ToDictionary(m => m.Name, m => m.Value));
    }

    // The string to sign as AWS documents it: "name\nvalue\n" for each listed member present, in that order.
    private string Sign(List<(string Name, string Value)> members, string[] names, string version)
    {
        var text = new StringBuilder();
        foreach (var name in names)
        {
            var member = members.FirstOrDefault(m => m.Name == name);
            if (member.Name is not null)
            {
                text.Append(name).Append('\n').Append(member.Value).Append('\n');
            }
        }

        var algorithm = version == "2" ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
        return Convert.ToBase64String(_signingKey.SignData(Encoding.UTF8.GetBytes(text.ToString()), algorithm, RSASignaturePadding.Pkcs1));
    }

    private static string SelfSignedPem(RSA key)
    {
        var request = new CertificateRequest("CN=sns.us-east-1.amazonaws.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return certificate.ExportCertificatePem();
    }

    private static Task Forbidden(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
