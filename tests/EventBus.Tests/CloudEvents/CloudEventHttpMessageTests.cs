using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ArgoEvents.EventBus.CloudEvents;
using Xunit;

namespace ArgoEvents.EventBus.Tests.CloudEvents;

public sealed class CloudEventHttpMessageTests
{
    private static CloudEvent SampleEvent(string? contentType, byte[]? data)
    {
        var cloudEvent = new CloudEvent("evt-1", "/sources/webhook", "webhook")
        {
            Subject = "Euro € \"quoted\" 100%",
            DataContentType = contentType,
            DataSchema = new Uri("https://example.com/schema.json"),
            Time = new DateTimeOffset(2026, 7, 18, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567),
        };
        cloudEvent.SetExtension("comexample", CloudEventAttributeValue.FromString("a b"));
        cloudEvent.SetExtension("traceparent", CloudEventAttributeValue.FromString("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        if (data is not null)
        {
            cloudEvent.SetData(data);
        }

        return cloudEvent;
    }

    private static void AssertSameEvent(CloudEvent expected, CloudEvent actual)
    {
        Assert.Equal(expected.SpecVersion, actual.SpecVersion);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.DataContentType, actual.DataContentType);
        Assert.Equal(expected.DataSchema, actual.DataSchema);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.HasData, actual.HasData);
        Assert.Equal(expected.Data.ToArray(), actual.Data.ToArray());
        Assert.Equal(expected.Extensions.Keys, actual.Extensions.Keys);
        foreach (var (name, value) in expected.Extensions)
        {
            Assert.Equal(value.ToCanonicalString(), actual.Extensions[name].ToCanonicalString());
        }
    }

    public static TheoryData<string?, byte[]?> DataKinds() => new()
    {
        { "application/json", Encoding.UTF8.GetBytes("{\"message\":\"hi\"}") },
        { "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("héllo\nworld") },
        { "application/octet-stream", new byte[] { 0, 1, 2, 0xFF } },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(DataKinds))]
    public async Task Binary_mode_round_trips_through_a_request_message(string? contentType, byte[]? data)
    {
        var cloudEvent = SampleEvent(contentType, data);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/");

        request.SetCloudEvent(cloudEvent, CloudEventHttpContentMode.Binary);

        Assert.True(request.IsCloudEvent());
        Assert.Equal("Euro%20%E2%82%AC%20%22quoted%22%20100%25", Assert.Single(request.Headers.GetValues("ce-subject")));
        AssertSameEvent(cloudEvent, await request.ReadCloudEventAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(DataKinds))]
    public async Task Structured_mode_round_trips_through_a_request_message(string? contentType, byte[]? data)
    {
        var cloudEvent = SampleEvent(contentType, data);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/");

        request.SetCloudEvent(cloudEvent, CloudEventHttpContentMode.Structured);

        Assert.True(request.IsCloudEvent());
        Assert.Equal(CloudEventJsonFormat.MediaType, request.Content!.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(request.Headers, h => h.Key.StartsWith("ce-", StringComparison.OrdinalIgnoreCase));
        AssertSameEvent(cloudEvent, await request.ReadCloudEventAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Switching_a_request_from_binary_to_structured_removes_the_ce_headers()
    {
        var cloudEvent = SampleEvent("application/json", "{}"u8.ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/");
        request.SetCloudEvent(cloudEvent, CloudEventHttpContentMode.Binary);

        request.SetCloudEvent(cloudEvent, CloudEventHttpContentMode.Structured);

        Assert.DoesNotContain(request.Headers, h => h.Key.StartsWith("ce-", StringComparison.OrdinalIgnoreCase));
        AssertSameEvent(cloudEvent, await request.ReadCloudEventAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void An_unknown_mode_is_refused()
    {
        using var request = new HttpRequestMessage();

        Assert.Throws<ArgumentOutOfRangeException>(() => request.SetCloudEvent(SampleEvent(null, null), (CloudEventHttpContentMode)0));
    }

    [Fact]
    public async Task A_binary_response_is_read()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("ce-specversion", "1.0");
        response.Headers.TryAddWithoutValidation("ce-id", "r-1");
        response.Headers.TryAddWithoutValidation("ce-source", "/responder");
        response.Headers.TryAddWithoutValidation("ce-type", "reply");
        response.Content = new StringContent("{\"ok\":true}", Encoding.UTF8, "application/json");

        Assert.True(response.IsCloudEvent());
        var cloudEvent = await response.ReadCloudEventAsync(TestContext.Current.CancellationToken);

        Assert.Equal("r-1", cloudEvent.Id);
        Assert.Equal("application/json; charset=utf-8", cloudEvent.DataContentType);
        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(cloudEvent.Data.Span));
    }

    [Fact]
    public async Task A_plain_response_is_not_a_cloud_event()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"ok\":true}", Encoding.UTF8, "application/json"),
        };

        Assert.False(response.IsCloudEvent());
        await Assert.ThrowsAsync<CloudEventValidationException>(
            () => response.ReadCloudEventAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(CloudEventHttpContentMode.Binary)]
    [InlineData(CloudEventHttpContentMode.Structured)]
    public async Task An_event_crosses_a_real_http_connection_both_ways(CloudEventHttpContentMode mode)
    {
        var sent = SampleEvent("application/json", Encoding.UTF8.GetBytes("{\"header\":{\"X\":[\"1\"]},\"body\":{\"message\":\"hi\"}}"));
        CloudEvent? received = null;
        await using var server = LoopbackHttpServer.Start(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys
                .Select(name => new KeyValuePair<string, string>(name!, context.Request.Headers[name]!))
                .ToList();
            Assert.True(CloudEventHttpBinding.IsCloudEvent(context.Request.ContentType, headers));
            received = CloudEventHttpBinding.Read(context.Request.ContentType, headers, body.ToArray());

            // Answer with the event in binary mode, as a service replying with an event would.
            foreach (var (name, value) in CloudEventHttpBinding.CreateBinaryHeaders(received))
            {
                context.Response.Headers.Add(name, value);
            }

            context.Response.ContentType = received.DataContentType;
            await context.Response.OutputStream.WriteAsync(received.Data);
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "events");
        request.SetCloudEvent(sent, mode);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        AssertSameEvent(sent, received!);
        AssertSameEvent(sent, await response.ReadCloudEventAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_request_with_a_multi_valued_content_type_header_is_still_recognised()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/")
        {
            Content = new ByteArrayContent("{}"u8.ToArray()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(CloudEventJsonFormat.MediaType) { CharSet = "utf-8" };

        Assert.True(request.IsCloudEvent());
    }
}
