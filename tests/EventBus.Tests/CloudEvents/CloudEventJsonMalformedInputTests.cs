using System.Text;
using ArgoEvents.EventBus.CloudEvents;
using Xunit;

namespace ArgoEvents.EventBus.Tests.CloudEvents;

public sealed class CloudEventJsonMalformedInputTests
{
    private const string Required = "\"specversion\":\"1.0\",\"id\":\"a\",\"source\":\"b\",\"type\":\"c\"";

    private static CloudEventValidationException ParseFails(string json) => ParseFails(Encoding.UTF8.GetBytes(json));

    private static CloudEventValidationException ParseFails(byte[] json) =>
        Assert.Throws<CloudEventValidationException>(() => CloudEventJsonFormat.Parse(json));

    private static string Without(string attribute) => attribute switch
    {
        "specversion" => "{\"id\":\"a\",\"source\":\"b\",\"type\":\"c\"}",
        "id" => "{\"specversion\":\"1.0\",\"source\":\"b\",\"type\":\"c\"}",
        "source" => "{\"specversion\":\"1.0\",\"id\":\"a\",\"type\":\"c\"}",
        _ => "{\"specversion\":\"1.0\",\"id\":\"a\",\"source\":\"b\"}",
    };

    [Theory]
    [InlineData("specversion")]
    [InlineData("id")]
    [InlineData("source")]
    [InlineData("type")]
    public void A_missing_required_attribute_is_named(string attribute)
    {
        var ex = ParseFails(Without(attribute));

        Assert.Equal(attribute, ex.AttributeName);
        Assert.Contains($"lacks the required attribute '{attribute}'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("specversion")]
    [InlineData("id")]
    [InlineData("source")]
    [InlineData("type")]
    public void A_required_attribute_set_to_null_counts_as_missing(string attribute)
    {
        var json = Without(attribute).Replace("{", "{\"" + attribute + "\":null,", StringComparison.Ordinal);

        Assert.Equal(attribute, ParseFails(json).AttributeName);
    }

    [Theory]
    [InlineData("0.3")]
    [InlineData("1")]
    [InlineData("1.0.2")]
    [InlineData("")]
    public void A_spec_version_other_than_one_is_refused(string version)
    {
        var ex = ParseFails("{\"specversion\":\"" + version + "\",\"id\":\"a\",\"source\":\"b\",\"type\":\"c\"}");

        Assert.Equal("specversion", ex.AttributeName);
        Assert.Contains("only \"1.0\" is supported", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("specversion", "1.0")]
    [InlineData("id", "5")]
    [InlineData("source", "true")]
    [InlineData("type", "{}")]
    [InlineData("subject", "[]")]
    [InlineData("datacontenttype", "1")]
    [InlineData("dataschema", "false")]
    [InlineData("time", "1752840000")]
    [InlineData("data_base64", "[1,2]")]
    public void An_attribute_of_the_wrong_json_type_is_named(string attribute, string jsonValue)
    {
        var members = new Dictionary<string, string>
        {
            ["specversion"] = "\"1.0\"",
            ["id"] = "\"a\"",
            ["source"] = "\"b\"",
            ["type"] = "\"c\"",
            [attribute] = jsonValue,
        };
        var json = "{" + string.Join(",", members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}";

        var ex = ParseFails(json);

        Assert.Equal(attribute, ex.AttributeName);
        Assert.Contains("must be a JSON string", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("source")]
    [InlineData("type")]
    [InlineData("subject")]
    public void An_empty_string_attribute_is_refused(string attribute)
    {
        var json = "{" + Required.Replace("\"" + attribute + "\":\"", "\"ignored\":\"", StringComparison.Ordinal) + ",\"" + attribute + "\":\"\"}";

        var ex = ParseFails(json);

        Assert.Equal(attribute, ex.AttributeName);
        Assert.Contains("must not be empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-07-18")]
    [InlineData("2026-07-18T12:00:00")]
    [InlineData("18/07/2026 12:00")]
    [InlineData("2026-07-18T25:00:00Z")]
    [InlineData("")]
    public void A_bad_time_is_refused(string time)
    {
        var ex = ParseFails("{" + Required + ",\"time\":\"" + time + "\"}");

        Assert.Equal("time", ex.AttributeName);
        Assert.Contains("RFC 3339", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_time_string_is_refused()
    {
        var ex = ParseFails("{" + Required + ",\"time\":\"2026-07-18T12:00:00." + new string('1', 100) + "Z\"}");

        Assert.Equal("time", ex.AttributeName);
    }

    [Theory]
    [InlineData("/relative/schema")]
    [InlineData("not a uri")]
    public void A_data_schema_that_is_not_an_absolute_uri_is_refused(string schema)
    {
        Assert.Equal("dataschema", ParseFails("{" + Required + ",\"dataschema\":\"" + schema + "\"}").AttributeName);
    }

    [Fact]
    public void A_malformed_data_content_type_is_refused()
    {
        Assert.Equal("datacontenttype", ParseFails("{" + Required + ",\"datacontenttype\":\"json\"}").AttributeName);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("with_underscore")]
    [InlineData("with-dash")]
    [InlineData("")]
    public void An_unknown_member_with_an_invalid_extension_name_is_refused(string name)
    {
        var ex = ParseFails("{" + Required + ",\"" + name + "\":\"v\"}");

        Assert.Equal(name, ex.AttributeName);
    }

    [Theory]
    [InlineData("{}", "JSON object")]
    [InlineData("[\"a\"]", "JSON array")]
    public void An_extension_that_is_an_object_or_array_is_refused(string value, string described)
    {
        var ex = ParseFails("{" + Required + ",\"comexample\":" + value + "}");

        Assert.Equal("comexample", ex.AttributeName);
        Assert.Contains(described, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("2147483648")]
    [InlineData("1e3")]
    public void An_extension_number_that_is_not_a_32_bit_integer_is_refused(string value)
    {
        var ex = ParseFails("{" + Required + ",\"comexample\":" + value + "}");

        Assert.Equal("comexample", ex.AttributeName);
        Assert.Contains("32-bit integer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_and_data_base64_together_are_refused()
    {
        var ex = ParseFails("{" + Required + ",\"data\":{},\"data_base64\":\"AA==\"}");

        Assert.Equal("data", ex.AttributeName);
        Assert.Contains("both 'data' and 'data_base64'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAA")]
    [InlineData("A===")]
    public void Invalid_base64_is_refused(string base64)
    {
        var ex = ParseFails("{" + Required + ",\"data_base64\":\"" + base64 + "\"}");

        Assert.Equal("data_base64", ex.AttributeName);
    }

    [Fact]
    public void Non_string_data_under_a_non_json_content_type_is_refused()
    {
        var ex = ParseFails("{" + Required + ",\"datacontenttype\":\"text/plain\",\"data\":{\"a\":1}}");

        Assert.Equal("data", ex.AttributeName);
        Assert.Contains("must be a JSON string", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "JSON array")]
    [InlineData("\"event\"", "JSON string")]
    [InlineData("42", "JSON number")]
    [InlineData("null", "JSON null")]
    public void A_document_that_is_not_a_json_object_is_refused(string json, string described)
    {
        var ex = ParseFails(json);

        Assert.Null(ex.AttributeName);
        Assert.Contains("must be a JSON object", ex.Message, StringComparison.Ordinal);
        Assert.Contains(described, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_is_refused()
    {
        var ex = ParseFails(Array.Empty<byte>());

        Assert.Null(ex.AttributeName);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_only_input_is_refused_with_a_position()
    {
        var ex = ParseFails("   ");

        Assert.NotNull(ex.BytePosition);
    }

    [Fact]
    public void Trailing_garbage_is_refused_at_its_byte_position()
    {
        var json = "{" + Required + "} x";

        var ex = ParseFails(json);

        Assert.Equal(json.IndexOf('x', StringComparison.Ordinal), ex.BytePosition);
        Assert.Contains($"at byte {json.IndexOf('x', StringComparison.Ordinal)}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_object_after_the_first_is_refused()
    {
        var ex = ParseFails("{" + Required + "}{" + Required + "}");

        Assert.NotNull(ex.BytePosition);
    }

    [Fact]
    public void A_syntax_error_names_the_member_and_the_byte_position()
    {
        const string json = "{\"specversion\":\"1.0\",\"id\":}";

        var ex = ParseFails(json);

        Assert.Equal("id", ex.AttributeName);
        Assert.Equal(json.IndexOf('}', StringComparison.Ordinal), ex.BytePosition);
        Assert.Contains("member 'id'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_on_a_later_line_reports_the_absolute_byte_position()
    {
        const string json = "{\n  \"specversion\": \"1.0\",\n  \"id\": 'a'\n}";

        var ex = ParseFails(json);

        Assert.Equal(json.IndexOf('\'', StringComparison.Ordinal), ex.BytePosition);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_document_is_refused()
    {
        var ex = ParseFails("{" + Required + ",\"data\":{\"a\":");

        Assert.Equal("data", ex.AttributeName);
        Assert.NotNull(ex.BytePosition);
    }

    [Fact]
    public void A_trailing_comma_is_refused()
    {
        Assert.NotNull(ParseFails("{" + Required + ",}").BytePosition);
    }

    [Fact]
    public void A_duplicated_attribute_is_refused()
    {
        var ex = ParseFails("{" + Required + ",\"id\":\"again\"}");

        Assert.Equal("id", ex.AttributeName);
        Assert.Contains("more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_extension_is_refused()
    {
        var ex = ParseFails("{" + Required + ",\"comexample\":1,\"comexample\":2}");

        Assert.Equal("comexample", ex.AttributeName);
    }

    [Fact]
    public void A_control_character_in_an_attribute_is_refused()
    {
        var ex = ParseFails("{\"specversion\":\"1.0\",\"id\":\"a\\u0007b\",\"source\":\"b\",\"type\":\"c\"}");

        Assert.Equal("id", ex.AttributeName);
        Assert.Contains("disallowed character U+0007", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_an_attribute_is_refused()
    {
        var json = Encoding.UTF8.GetBytes("{\"specversion\":\"1.0\",\"id\":\"a\",\"source\":\"b\",\"type\":\"cXd\"}");
        json[Array.IndexOf(json, (byte)'X')] = 0xFF;

        var ex = ParseFails(json);

        Assert.Equal("type", ex.AttributeName);
    }
}
