using System.Text;
using ArgoEvents.EventBus.CloudEvents;
using Xunit;

namespace ArgoEvents.EventBus.Tests.CloudEvents;

public sealed class CloudEventHttpBindingTests
{
    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    private static List<KeyValuePair<string, string>> RequiredHeaders() =>
    [
        H("ce-specversion", "1.0"),
        H("ce-id", "1234-1234-1234"),
        H("ce-source", "/mycontext/subcontext"),
        H("ce-type", "com.example.someevent"),
    ];

    private static CloudEvent ReadBinary(params KeyValuePair<string, string>[] extraHeaders) =>
        CloudEventHttpBinding.Read(null, [.. RequiredHeaders(), .. extraHeaders], ReadOnlyMemory<byte>.Empty);

    private static CloudEventValidationException ReadBinaryFails(List<KeyValuePair<string, string>> headers) =>
        Assert.Throws<CloudEventValidationException>(() => CloudEventHttpBinding.Read("application/json", headers, "{}"u8.ToArray()));

    private static string HeaderValue(IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
        Assert.Single(headers, h => h.Key == name).Value;

    [Fact]
    public void Binary_headers_carry_every_attribute_except_data_content_type()
    {
        var cloudEvent = new CloudEvent("1234", "/mycontext", "com.example.someevent")
        {
            Subject = "sub",
            DataContentType = "application/json",
            DataSchema = new Uri("https://example.com/schema"),
            Time = new DateTimeOffset(2018, 4, 5, 5, 56, 24, TimeSpan.FromHours(2)),
        };
        cloudEvent.SetExtension("comexampleothervalue", CloudEventAttributeValue.FromInteger(5));
        cloudEvent.SetExtension("flag", CloudEventAttributeValue.FromBoolean(true));

        var headers = CloudEventHttpBinding.CreateBinaryHeaders(cloudEvent);

        Assert.Equal(
            [
                H("ce-specversion", "1.0"),
                H("ce-id", "1234"),
                H("ce-source", "/mycontext"),
                H("ce-type", "com.example.someevent"),
                H("ce-subject", "sub"),
                H("ce-dataschema", "https://example.com/schema"),
                H("ce-time", "2018-04-05T03:56:24Z"),
                H("ce-comexampleothervalue", "5"),
                H("ce-flag", "true"),
            ],
            headers);
    }

    [Theory]
    [InlineData("Euro € 😀", "Euro%20%E2%82%AC%20%F0%9F%98%80")]
    [InlineData("say \"hi\"", "say%20%22hi%22")]
    [InlineData("100%", "100%25")]
    [InlineData("plain-ASCII_text.~!#$&'()*+,/:;<=>?@[\\]^`{|}", "plain-ASCII_text.~!#$&'()*+,/:;<=>?@[\\]^`{|}")]
    public void Header_values_are_percent_encoded_as_the_spec_requires(string subject, string expected)
    {
        var cloudEvent = new CloudEvent("1", "s", "t") { Subject = subject };

        Assert.Equal(expected, HeaderValue(CloudEventHttpBinding.CreateBinaryHeaders(cloudEvent), "ce-subject"));
    }

    [Theory]
    [InlineData("Euro%20%E2%82%AC%20%F0%9F%98%80", "Euro € 😀")]
    [InlineData("lower%e2%82%achex", "lower€hex")]
    [InlineData("%41%42C", "ABC")]
    [InlineData("\"quoted value\"", "quoted value")]
    [InlineData("\"a \\\"b\\\" c\"", "a \"b\" c")]
    [InlineData("pre \"mid\" post", "pre mid post")]
    [InlineData("\"%20\"", " ")]
    [InlineData("no-encoding", "no-encoding")]
    public void Header_values_are_unquoted_then_percent_decoded(string headerValue, string expected)
    {
        Assert.Equal(expected, ReadBinary(H("ce-subject", headerValue)).Subject);
    }

    [Theory]
    [InlineData("%C0%A0")]
    [InlineData("%FF")]
    [InlineData("%E2%82")]
    public void Percent_decoding_to_invalid_utf8_is_refused(string headerValue)
    {
        var ex = Assert.Throws<CloudEventValidationException>(() => ReadBinary(H("ce-subject", headerValue)));

        Assert.Equal("subject", ex.AttributeName);
        Assert.Contains("invalid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("50%")]
    [InlineData("%zz")]
    [InlineData("%4")]
    public void A_percent_without_two_hex_digits_is_refused(string headerValue)
    {
        var ex = Assert.Throws<CloudEventValidationException>(() => ReadBinary(H("ce-subject", headerValue)));

        Assert.Equal("subject", ex.AttributeName);
    }

    [Fact]
    public void An_unterminated_quoted_string_is_refused()
    {
        var ex = Assert.Throws<CloudEventValidationException>(() => ReadBinary(H("ce-subject", "\"open")));

        Assert.Equal("subject", ex.AttributeName);
    }

    [Fact]
    public void Binary_mode_is_read_from_neutral_headers_and_body()
    {
        List<KeyValuePair<string, string>> headers =
        [
            H("Host", "webhook.example.com"),
            H("Ce-SpecVersion", "1.0"),
            H("CE-ID", "1234-1234-1234"),
            H("ce-source", "/mycontext/subcontext"),
            H("ce-type", "com.example.someevent"),
            H("ce-time", "2018-04-05T03:56:24Z"),
            H("ce-dataschema", "https://example.com/schema"),
            H("ce-comexampleextension1", "value"),
            H("Ce-ComExampleOtherValue", "5"),
            H("Content-Length", "17"),
        ];

        var cloudEvent = CloudEventHttpBinding.Read("application/json; charset=utf-8", headers, "{\"appinfoA\":\"abc\"}"u8.ToArray());

        Assert.Equal("1234-1234-1234", cloudEvent.Id);
        Assert.Equal("/mycontext/subcontext", cloudEvent.Source);
        Assert.Equal("com.example.someevent", cloudEvent.Type);
        Assert.Equal(new DateTimeOffset(2018, 4, 5, 3, 56, 24, TimeSpan.Zero), cloudEvent.Time);
        Assert.Equal("https://example.com/schema", cloudEvent.DataSchema!.OriginalString);
        Assert.Equal("application/json; charset=utf-8", cloudEvent.DataContentType);
        Assert.Equal("{\"appinfoA\":\"abc\"}", Encoding.UTF8.GetString(cloudEvent.Data.Span));
        Assert.Equal("value", cloudEvent.Extensions["comexampleextension1"].AsString());
        Assert.Equal("5", cloudEvent.Extensions["comexampleothervalue"].AsString());
        Assert.Equal(2, cloudEvent.Extensions.Count);
    }

    [Fact]
    public void Binary_mode_with_an_empty_body_has_no_data()
    {
        var cloudEvent = ReadBinary();

        Assert.False(cloudEvent.HasData);
        Assert.Null(cloudEvent.DataContentType);
    }

    [Theory]
    [InlineData("ce-id")]
    [InlineData("ce-source")]
    [InlineData("ce-type")]
    public void Binary_mode_without_a_required_header_names_the_attribute(string header)
    {
        var headers = RequiredHeaders();
        headers.RemoveAll(h => h.Key == header);

        Assert.Equal(header[3..], ReadBinaryFails(headers).AttributeName);
    }

    [Fact]
    public void Binary_mode_with_another_spec_version_is_refused()
    {
        var headers = RequiredHeaders();
        headers[0] = H("ce-specversion", "0.3");

        Assert.Equal("specversion", ReadBinaryFails(headers).AttributeName);
    }

    [Fact]
    public void Binary_mode_with_a_ce_datacontenttype_header_is_refused()
    {
        var ex = ReadBinaryFails([.. RequiredHeaders(), H("ce-datacontenttype", "application/json")]);

        Assert.Equal("datacontenttype", ex.AttributeName);
        Assert.Contains("Content-Type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_mode_with_a_bad_time_is_refused()
    {
        Assert.Equal("time", ReadBinaryFails([.. RequiredHeaders(), H("ce-time", "yesterday")]).AttributeName);
    }

    [Fact]
    public void Binary_mode_with_a_relative_data_schema_is_refused()
    {
        Assert.Equal("dataschema", ReadBinaryFails([.. RequiredHeaders(), H("ce-dataschema", "/schema")]).AttributeName);
    }

    [Fact]
    public void Binary_mode_with_an_invalid_extension_header_name_is_refused()
    {
        Assert.Equal("bad-name", ReadBinaryFails([.. RequiredHeaders(), H("ce-bad-name", "x")]).AttributeName);
    }

    [Fact]
    public void Binary_mode_with_a_repeated_header_is_refused()
    {
        var ex = ReadBinaryFails([.. RequiredHeaders(), H("CE-ID", "other")]);

        Assert.Equal("id", ex.AttributeName);
        Assert.Contains("more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_mode_with_an_empty_required_header_is_refused()
    {
        var headers = RequiredHeaders();
        headers[1] = H("ce-id", "");

        Assert.Equal("id", ReadBinaryFails(headers).AttributeName);
    }

    [Fact]
    public void Structured_mode_is_read_from_the_body_and_ce_headers_are_ignored()
    {
        var body = """{"specversion":"1.0","id":"from-body","source":"s","type":"t","data":{"x":1}}"""u8.ToArray();

        var cloudEvent = CloudEventHttpBinding.Read(
            "application/cloudevents+json; charset=UTF-8",
            [H("ce-id", "from-header"), H("ce-specversion", "1.0")],
            body);

        Assert.Equal("from-body", cloudEvent.Id);
        Assert.Equal("{\"x\":1}", Encoding.UTF8.GetString(cloudEvent.Data.Span));
    }

    [Fact]
    public void Structured_mode_reports_json_errors()
    {
        var ex = Assert.Throws<CloudEventValidationException>(
            () => CloudEventHttpBinding.Read(CloudEventJsonFormat.MediaType, [], "{\"id\":"u8.ToArray()));

        Assert.NotNull(ex.BytePosition);
    }

    [Theory]
    [InlineData("application/cloudevents+json", true)]
    [InlineData("Application/CloudEvents+JSON; charset=utf-8", true)]
    [InlineData("application/cloudevents-batch+json", true)]
    [InlineData("application/json", false)]
    [InlineData("text/plain", false)]
    [InlineData(null, false)]
    public void IsCloudEvent_recognises_structured_content_types(string? contentType, bool expected)
    {
        Assert.Equal(expected, CloudEventHttpBinding.IsCloudEvent(contentType, [H("X-Other", "1")]));
    }

    [Fact]
    public void IsCloudEvent_recognises_binary_mode_by_its_spec_version_header()
    {
        Assert.True(CloudEventHttpBinding.IsCloudEvent("application/json", [H("Ce-Specversion", "1.0")]));
        Assert.False(CloudEventHttpBinding.IsCloudEvent("application/json", [H("ce-id", "1")]));
    }

    [Fact]
    public void A_plain_webhook_request_is_not_a_cloud_event_and_reading_it_says_why()
    {
        var ex = Assert.Throws<CloudEventValidationException>(
            () => CloudEventHttpBinding.Read("application/json", [H("X-Github-Event", "push")], "{}"u8.ToArray()));

        Assert.Contains("not a CloudEvent", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ce-specversion", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batched_mode_is_refused_as_not_supported()
    {
        var ex = Assert.Throws<NotSupportedException>(
            () => CloudEventHttpBinding.Read("application/cloudevents-batch+json", [], "[]"u8.ToArray()));

        Assert.Contains("Batched", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_structured_format_other_than_json_is_refused_as_not_supported()
    {
        var ex = Assert.Throws<NotSupportedException>(
            () => CloudEventHttpBinding.Read("application/cloudevents+avro", [], new byte[] { 1 }));

        Assert.Contains("application/cloudevents+avro", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_headers_refuse_an_invalid_event()
    {
        var ex = Assert.Throws<CloudEventValidationException>(
            () => CloudEventHttpBinding.CreateBinaryHeaders(new CloudEvent("1", "s", "")));

        Assert.Equal("type", ex.AttributeName);
    }
}
