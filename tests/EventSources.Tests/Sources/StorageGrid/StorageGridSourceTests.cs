using System.Net;
using System.Text;
using ArgoEvents.EventSources.Sources.StorageGrid;
using ArgoEvents.EventSources.Tests.Sources.Sns;
using ArgoEvents.EventSources.Tests.Support;
using ArgoEvents.Testing.Fixtures;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.StorageGrid;

public sealed class StorageGridSourceTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
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
    public async Task Argos_example_runs_and_an_in_test_storagegrid_publish_becomes_argos_notification_payload()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/storage-grid.yaml");
        await using var host = await StartAsync(manifest);

        var response = await _http.PostAsync($"{host.WebhookUrl(8080)}/", Publish("hello.txt"));
        var (subject, cloudEvent, _) = Assert.Single(await _probe.WaitForAsync(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<PublishResponse xmlns=\"http://argoevents-sns-server/\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("default.storage-grid.example", "storagegrid"), (subject, cloudEvent.Type));
        Assert.Equal(
            """{"notification":{"Action":"Publish","Message":{"Records":[{"eventVersion":"2.0","storageGridEventSource":"","eventTime":"2019-11-26T14:54:52Z","eventName":"ObjectCreated:Put","userIdentity":{"principalId":"11111"},"requestParameters":{"sourceIPAddress":"10.96.1.1"},"responseElements":{"x-amz-request-id":"1574780092781"},"s3":{"s3SchemaVersion":"1.0","configurationId":"Object-Event","bucket":{"name":"test","ownerIdentity":{"principalId":"11111"},"arn":"urn:sgws:s3:::test"},"object":{"key":"hello.txt","size":6,"eTag":"","sequencer":"15DAB7A05A9B7E71"}}}]},"TopicArn":"urn:sgws:sns:us-east-1:12345:topic","Version":"2010-03-31"}}""",
            Encoding.UTF8.GetString(cloudEvent.Data.Span));
    }

    [Fact]
    public async Task Object_keys_outside_the_prefix_and_suffix_filter_are_acknowledged_and_dropped()
    {
        await using var host = await StartAsync("""
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata:
              name: sg
            spec:
              storageGrid:
                uploads:
                  webhook:
                    port: "12700"
                    method: POST
                    endpoint: /notify
                  events: ["s3:ObjectCreated:*"]
                  topicArn: urn:sgws:sns:us-east-1:12345:topic
                  bucket: test
                  apiURL: https://storagegrid.example/api/v3
                  authToken:
                    name: storagegrid
                    key: token
                  filter:
                    prefix: input/
                    suffix: .csv
                  metadata:
                    pipeline: ingest
            """);
        var url = $"{host.WebhookUrl(12700)}/notify";

        var matching = await _http.PostAsync(url, Publish("input/day-1.csv"));
        var wrongSuffix = await _http.PostAsync(url, Publish("input/day-1.json"));
        var wrongPrefix = await _http.PostAsync(url, Publish("output/day-1.csv"));
        var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var events = await _probe.WaitForAsync(2, within: TimeSpan.FromSeconds(2));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { matching.StatusCode, wrongSuffix.StatusCode, wrongPrefix.StatusCode, head.StatusCode });
        Assert.Equal("", await head.Content.ReadAsStringAsync());
        var (_, cloudEvent, _) = Assert.Single(events);
        var data = Encoding.UTF8.GetString(cloudEvent.Data.Span);
        Assert.Contains("\"key\":\"input/day-1.csv\"", data, StringComparison.Ordinal);
        Assert.EndsWith(",\"metadata\":{\"pipeline\":\"ingest\"}}", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_is_not_a_readable_publish_is_refused_and_nothing_reaches_the_bus()
    {
        var manifest = ArgoExampleManifests.Read("event-sources/storage-grid.yaml");
        await using var host = await StartAsync(manifest);
        var url = $"{host.WebhookUrl(8080)}/";

        var badEscape = await _http.PostAsync(url, Form("Action=Publish&Message=%zz"));
        var noPair = await _http.PostAsync(url, Form("Action"));
        var wrongType = await _http.PostAsync(url, Form("Action=Publish&Message=" + Uri.EscapeDataString("""{"Records":[{"s3":{"object":{"key":"k","size":"six"}}}]}""")));

        Assert.Equal(HttpStatusCode.BadRequest, badEscape.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noPair.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("size", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _probe.ReadAllAsync());
    }

    private Task<EventSourceTestHost> StartAsync(string manifest)
        => EventSourceTestHost.StartAsync(manifest, nats.ClientUrl, sources: EventSourceService.DefaultSources());

    // The SNS Publish request StorageGRID sends for an S3 event, URL-encoded as a form.
    private static StringContent Publish(string key)
    {
        var message = """
            {"Records":[{"eventVersion":"2.0","eventSource":"sgws:s3","eventTime":"2019-11-26T14:54:52.000Z","eventName":"ObjectCreated:Put",
            "userIdentity":{"principalId":"11111"},"requestParameters":{"sourceIPAddress":"10.96.1.1"},"responseElements":{"x-amz-request-id":"1574780092781"},
            "s3":{"s3SchemaVersion":"1.0","configurationId":"Object-Event","bucket":{"name":"test","ownerIdentity":{"principalId":"11111"},"arn":"urn:sgws:s3:::test"},
            "object":{"key":"KEY","size":6,"sequencer":"15DAB7A05A9B7E71"}}}]}
            """.ReplaceLineEndings("").Replace("KEY", key, StringComparison.Ordinal);
        return Form($"Action=Publish&Message={Uri.EscapeDataString(message)}&TopicArn={Uri.EscapeDataString("urn:sgws:sns:us-east-1:12345:topic")}&Version=2010-03-31");
    }

    private static StringContent Form(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}
