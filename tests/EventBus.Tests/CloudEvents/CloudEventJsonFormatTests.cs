using System.Buffers;
using System.Text;
using ArgoEvents.EventBus.CloudEvents;
using Xunit;

namespace ArgoEvents.EventBus.Tests.CloudEvents;

public sealed class CloudEventJsonFormatTests
{
    private const string ArgoData = """{"header":{"Content-Type":["application/json"]},"body":{"message":"hi"}}""";

    private static CloudEvent ArgoWebhookEvent(long fractionTicks)
    {
        var cloudEvent = new CloudEvent("3f0c5e1d9a8b4c7e8f901234567890ab", "webhook", "webhook")
        {
            Subject = "example",
            DataContentType = "application/json",
            Time = new DateTimeOffset(2026, 7, 18, 12, 0, 0, TimeSpan.Zero).AddTicks(fractionTicks),
        };
        cloudEvent.SetData(Encoding.UTF8.GetBytes(ArgoData));
        return cloudEvent;
    }

    private static string SerializeToString(CloudEvent cloudEvent) =>
        Encoding.UTF8.GetString(CloudEventJsonFormat.Serialize(cloudEvent));

    private static CloudEvent Parse(string json) => CloudEventJsonFormat.Parse(Encoding.UTF8.GetBytes(json));

    private static CloudEvent RoundTrip(CloudEvent cloudEvent) =>
        CloudEventJsonFormat.Parse(CloudEventJsonFormat.Serialize(cloudEvent));

    [Fact]
    public void An_argo_webhook_event_is_written_byte_for_byte_as_argo_writes_it()
    {
        const string expected =
            """{"specversion":"1.0","id":"3f0c5e1d9a8b4c7e8f901234567890ab","source":"webhook","type":"webhook","subject":"example","datacontenttype":"application/json","time":"2026-07-18T12:00:00.1234567Z","data":{"header":{"Content-Type":["application/json"]},"body":{"message":"hi"}}}""";

        Assert.Equal(expected, SerializeToString(ArgoWebhookEvent(1_234_567)));
    }

    [Fact]
    public void An_argo_body_with_nanoseconds_parses_and_keeps_its_data_bytes()
    {
        const string argoBody =
            """{"specversion":"1.0","id":"3f0c5e1d9a8b4c7e8f901234567890ab","source":"webhook","type":"webhook","subject":"example","datacontenttype":"application/json","time":"2026-07-18T12:00:00.123456789Z","data":{"header":{"Content-Type":["application/json"]},"body":{"message":"hi"}}}""";

        var cloudEvent = Parse(argoBody);

        Assert.Equal("1.0", cloudEvent.SpecVersion);
        Assert.Equal("3f0c5e1d9a8b4c7e8f901234567890ab", cloudEvent.Id);
        Assert.Equal("webhook", cloudEvent.Source);
        Assert.Equal("webhook", cloudEvent.Type);
        Assert.Equal("example", cloudEvent.Subject);
        Assert.Equal("application/json", cloudEvent.DataContentType);
        Assert.Equal(new DateTimeOffset(2026, 7, 18, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567), cloudEvent.Time);
        Assert.True(cloudEvent.HasData);
        Assert.Equal(ArgoData, Encoding.UTF8.GetString(cloudEvent.Data.Span));
        Assert.Equal(argoBody.Replace(".123456789Z", ".1234567Z", StringComparison.Ordinal), SerializeToString(cloudEvent));
    }

    [Fact]
    public void Attributes_are_written_in_go_sdk_order_with_extensions_last_by_name()
    {
        var cloudEvent = new CloudEvent("1", "/source", "com.example.type")
        {
            Subject = "sub",
            DataContentType = "application/json",
            DataSchema = new Uri("https://example.com/schema"),
            Time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        };
        cloudEvent.SetExtension("zeta", CloudEventAttributeValue.FromString("z"));
        cloudEvent.SetExtension("alpha", CloudEventAttributeValue.FromInteger(-7));
        cloudEvent.SetExtension("flag", CloudEventAttributeValue.FromBoolean(false));
        cloudEvent.SetData("[1,2]"u8.ToArray());

        Assert.Equal(
            """{"specversion":"1.0","id":"1","source":"/source","type":"com.example.type","subject":"sub","datacontenttype":"application/json","dataschema":"https://example.com/schema","time":"2026-01-02T03:04:05Z","data":[1,2],"alpha":-7,"flag":false,"zeta":"z"}""",
            SerializeToString(cloudEvent));
    }

    [Fact]
    public void A_minimal_event_has_only_the_required_attributes()
    {
        Assert.Equal(
            """{"specversion":"1.0","id":"a","source":"b","type":"c"}""",
            SerializeToString(new CloudEvent("a", "b", "c")));
    }

    [Fact]
    public void Serializing_to_a_buffer_writer_gives_the_same_bytes_and_appends()
    {
        var cloudEvent = ArgoWebhookEvent(0);
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("prefix"u8);

        CloudEventJsonFormat.Serialize(cloudEvent, buffer);

        Assert.Equal("prefix"u8.ToArray().Concat(CloudEventJsonFormat.Serialize(cloudEvent)), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void An_invalid_event_writes_nothing_to_the_buffer()
    {
        var cloudEvent = new CloudEvent("", "b", "c");
        var buffer = new ArrayBufferWriter<byte>();

        var ex = Assert.Throws<CloudEventValidationException>(() => CloudEventJsonFormat.Serialize(cloudEvent, buffer));

        Assert.Equal("id", ex.AttributeName);
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void Serializing_many_events_in_a_row_reuses_nothing_it_should_not()
    {
        var first = SerializeToString(ArgoWebhookEvent(1));
        var big = new CloudEvent("big", "s", "t") { DataContentType = "text/plain" };
        big.SetData(Encoding.UTF8.GetBytes(new string('x', 200_000)));
        var bigJson = SerializeToString(big);
        var again = SerializeToString(ArgoWebhookEvent(1));

        Assert.Equal(first, again);
        Assert.EndsWith(new string('x', 10) + "\"}", bigJson, StringComparison.Ordinal);
        Assert.Equal(200_000, RoundTrip(big).Data.Length);
    }

    [Fact]
    public void Invalid_json_data_under_a_json_content_type_is_refused_on_data()
    {
        var cloudEvent = new CloudEvent("a", "b", "c") { DataContentType = "application/json" };
        cloudEvent.SetData("{\"unterminated\":"u8.ToArray());

        var ex = Assert.Throws<CloudEventValidationException>(() => CloudEventJsonFormat.Serialize(cloudEvent));

        Assert.Equal("data", ex.AttributeName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{} {}")]
    [InlineData("not json")]
    [InlineData("{'single':'quotes'}")]
    public void Data_that_is_not_exactly_one_json_value_is_refused(string data)
    {
        var cloudEvent = new CloudEvent("a", "b", "c");
        cloudEvent.SetData(Encoding.UTF8.GetBytes(data));

        var ex = Assert.Throws<CloudEventValidationException>(() => CloudEventJsonFormat.Serialize(cloudEvent));

        Assert.Equal("data", ex.AttributeName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("text/json")]
    [InlineData("application/cloudevents+json")]
    [InlineData("Application/Vnd.Api+JSON")]
    public void Json_data_is_embedded_raw_and_parsed_back_byte_for_byte(string? contentType)
    {
        const string data = "{ \"spaced\" : [1, 2.50, null, \"\\u00e9\"],\n \"nested\": {\"a\": true} }";
        var cloudEvent = new CloudEvent("a", "b", "c") { DataContentType = contentType };
        cloudEvent.SetData(Encoding.UTF8.GetBytes(data));

        var json = SerializeToString(cloudEvent);
        var parsed = Parse(json);

        Assert.Contains("\"data\":" + data + "}", json, StringComparison.Ordinal);
        Assert.Equal(data, Encoding.UTF8.GetString(parsed.Data.Span));
        Assert.Equal(contentType, parsed.DataContentType);
    }

    [Theory]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Json_data_can_be_any_json_value(string data)
    {
        var cloudEvent = new CloudEvent("a", "b", "c") { DataContentType = "application/json" };
        cloudEvent.SetData(Encoding.UTF8.GetBytes(data));

        var parsed = RoundTrip(cloudEvent);

        Assert.True(parsed.HasData);
        Assert.Equal(data, Encoding.UTF8.GetString(parsed.Data.Span));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("text/csv")]
    [InlineData("application/xml")]
    [InlineData("application/atom+xml")]
    public void Text_data_is_written_as_a_json_string(string contentType)
    {
        const string text = "line 1\nquote \" backslash \\ <tag attr='x'> & é € 😀";
        var cloudEvent = new CloudEvent("a", "b", "c") { DataContentType = contentType };
        cloudEvent.SetData(Encoding.UTF8.GetBytes(text));

        var json = SerializeToString(cloudEvent);
        var parsed = Parse(json);

        Assert.Contains("\"data\":\"line 1\\nquote \\\" backslash \\\\ <tag attr='x'> & é €", json, StringComparison.Ordinal);
        Assert.DoesNotContain("data_base64", json, StringComparison.Ordinal);
        Assert.Equal(text, Encoding.UTF8.GetString(parsed.Data.Span));
    }

    [Fact]
    public void Unescaped_text_data_is_read_without_its_quotes()
    {
        var parsed = Parse("""{"specversion":"1.0","id":"a","source":"b","type":"c","datacontenttype":"text/plain","data":"plain text"}""");

        Assert.Equal("plain text", Encoding.UTF8.GetString(parsed.Data.Span));
    }

    [Fact]
    public void Text_data_that_is_not_utf8_falls_back_to_base64()
    {
        byte[] latin1 = [0x63, 0x61, 0x66, 0xE9];
        var cloudEvent = new CloudEvent("a", "b", "c") { DataContentType = "text/plain; charset=iso-8859-1" };
        cloudEvent.SetData(latin1);

        var json = SerializeToString(cloudEvent);

        Assert.Contains("\"data_base64\":\"Y2Fm6Q==\"", json, StringComparison.Ordinal);
        Assert.Equal(latin1, Parse(json).Data.ToArray());
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("application/vnd.apache.thrift.binary")]
    [InlineData("image/png")]
    [InlineData("application/x-www-form-urlencoded")]
    public void Binary_data_is_written_as_base64(string contentType)
    {
        byte[] bytes = [0, 1, 2, 0xFE, 0xFF, (byte)'"'];
        var cloudEvent = new CloudEvent("a", "b", "c") { DataContentType = contentType };
        cloudEvent.SetData(bytes);

        var json = SerializeToString(cloudEvent);
        var parsed = Parse(json);

        Assert.EndsWith(",\"data_base64\":\"AAEC/v8i\"}", json, StringComparison.Ordinal);
        Assert.Equal(bytes, parsed.Data.ToArray());
        Assert.Equal(contentType, parsed.DataContentType);
    }

    [Fact]
    public void Empty_binary_data_survives_as_present_but_empty()
    {
        var cloudEvent = new CloudEvent("a", "b", "c") { DataContentType = "application/octet-stream" };
        cloudEvent.SetData(ReadOnlyMemory<byte>.Empty);

        var parsed = RoundTrip(cloudEvent);

        Assert.True(parsed.HasData);
        Assert.Equal(0, parsed.Data.Length);
    }

    [Fact]
    public void An_event_without_data_has_none_after_a_round_trip()
    {
        var parsed = RoundTrip(new CloudEvent("a", "b", "c") { DataContentType = "application/json" });

        Assert.False(parsed.HasData);
    }

    [Fact]
    public void A_json_string_under_a_json_content_type_keeps_its_quotes()
    {
        var parsed = Parse("""{"specversion":"1.0","id":"a","source":"b","type":"c","data":"I'm just a string"}""");

        Assert.Equal("\"I'm just a string\"", Encoding.UTF8.GetString(parsed.Data.Span));
    }

    [Fact]
    public void Base64_data_with_json_escapes_is_decoded()
    {
        var parsed = Parse("""{"specversion":"1.0","id":"a","source":"b","type":"c","datacontenttype":"application/octet-stream","data_base64":"AAEC\/v8i"}""");

        Assert.Equal(new byte[] { 0, 1, 2, 0xFE, 0xFF, (byte)'"' }, parsed.Data.ToArray());
    }

    [Fact]
    public void Extensions_round_trip_with_json_types_and_other_types_as_strings()
    {
        var cloudEvent = new CloudEvent("a", "b", "c");
        cloudEvent.SetExtension("text", CloudEventAttributeValue.FromString("hello \"world\""));
        cloudEvent.SetExtension("flag", CloudEventAttributeValue.FromBoolean(true));
        cloudEvent.SetExtension("count", CloudEventAttributeValue.FromInteger(int.MaxValue));
        cloudEvent.SetExtension("link", CloudEventAttributeValue.FromUri(new Uri("https://example.com/x?y=1")));
        cloudEvent.SetExtension("ref", CloudEventAttributeValue.FromUriReference(new Uri("/rel", UriKind.Relative)));
        cloudEvent.SetExtension("blob", CloudEventAttributeValue.FromBinary([1, 2, 3]));
        cloudEvent.SetExtension("when", CloudEventAttributeValue.FromTimestamp(new DateTimeOffset(2026, 7, 18, 14, 0, 0, TimeSpan.FromHours(2))));

        var json = SerializeToString(cloudEvent);
        var parsed = Parse(json);

        Assert.Equal(
            """{"specversion":"1.0","id":"a","source":"b","type":"c","blob":"AQID","count":2147483647,"flag":true,"link":"https://example.com/x?y=1","ref":"/rel","text":"hello \"world\"","when":"2026-07-18T12:00:00Z"}""",
            json);
        Assert.Equal(CloudEventAttributeValue.FromString("hello \"world\""), parsed.Extensions["text"]);
        Assert.Equal(CloudEventAttributeValue.FromBoolean(true), parsed.Extensions["flag"]);
        Assert.Equal(CloudEventAttributeValue.FromInteger(int.MaxValue), parsed.Extensions["count"]);
        Assert.Equal(CloudEventAttributeValue.FromString("https://example.com/x?y=1"), parsed.Extensions["link"]);
        Assert.Equal(CloudEventAttributeValue.FromString("AQID"), parsed.Extensions["blob"]);
        Assert.Equal(CloudEventAttributeValue.FromString("2026-07-18T12:00:00Z"), parsed.Extensions["when"]);
    }

    [Fact]
    public void Members_in_any_order_with_whitespace_and_nulls_are_read()
    {
        const string json = """
            {
              "data" : {"k": 1},
              "comexampleothervalue" : 5,
              "unsetextension": null,
              "subject": null,
              "time" : "2018-04-05T17:31:00+02:00",
              "type" : "com.example.someevent",
              "id" : "C234-1234-1234",
              "source" : "/mycontext",
              "dataschema" : "https://example.com/schema",
              "datacontenttype" : "application/vnd.example+json",
              "specversion" : "1.0"
            }
            """;

        var cloudEvent = Parse(json);

        Assert.Equal("C234-1234-1234", cloudEvent.Id);
        Assert.Equal("/mycontext", cloudEvent.Source);
        Assert.Null(cloudEvent.Subject);
        Assert.Equal(new DateTimeOffset(2018, 4, 5, 17, 31, 0, TimeSpan.FromHours(2)), cloudEvent.Time);
        Assert.Equal(TimeSpan.FromHours(2), cloudEvent.Time!.Value.Offset);
        Assert.Equal("https://example.com/schema", cloudEvent.DataSchema!.OriginalString);
        Assert.Equal("{\"k\": 1}", Encoding.UTF8.GetString(cloudEvent.Data.Span));
        Assert.Equal(5, cloudEvent.Extensions["comexampleothervalue"].AsInteger());
        Assert.False(cloudEvent.TryGetExtension("unsetextension", out _));
    }

    [Fact]
    public void A_parsed_time_with_an_offset_is_written_in_utc()
    {
        var cloudEvent = Parse("""{"specversion":"1.0","id":"a","source":"b","type":"c","time":"2026-07-18T14:00:00.500+02:00"}""");

        Assert.Contains("\"time\":\"2026-07-18T12:00:00.5Z\"", SerializeToString(cloudEvent), StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_and_html_characters_in_attributes_are_not_escaped()
    {
        var cloudEvent = new CloudEvent("a", "b", "c") { Subject = "<café & 'bar'>" };

        Assert.Contains("\"subject\":\"<café & 'bar'>\"", SerializeToString(cloudEvent), StringComparison.Ordinal);
    }
}
