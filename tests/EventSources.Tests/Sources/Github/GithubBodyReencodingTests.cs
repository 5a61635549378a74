using System.Buffers;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventSources.Sources.Webhook;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Sources.Github;

/// <summary>Argo re-encodes GitHub bodies through Go's interface{}: numbers come out as Go's float64 text.</summary>
public sealed class GithubBodyReencodingTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "-0")]
    [InlineData("1", "1")]
    [InlineData("12345678", "12345678")]
    [InlineData("1.50", "1.5")]
    [InlineData("-2.25", "-2.25")]
    [InlineData("100000000000000000000", "100000000000000000000")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("1e21", "1e+21")]
    [InlineData("123456789012345678901234", "1.2345678901234569e+23")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("1.5e-10", "1.5e-10")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("0.1", "0.1")]
    [InlineData("3.0e2", "300")]
    public void Numbers_are_written_as_go_writes_a_float64(string input, string expected)
    {
        using var document = JsonDocument.Parse(input);
        var output = new ArrayBufferWriter<byte>();

        GoJsonValue.Write(output, document.RootElement);

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Objects_are_sorted_by_code_point_with_the_last_duplicate_winning_and_strings_html_escaped()
    {
        using var document = JsonDocument.Parse("""{"b":1,"a":{"z":"<&>","\uE000":1,"\uD83D\uDE00":2},"B":[1.0,"x"],"b":2}""");
        var output = new ArrayBufferWriter<byte>();

        GoJsonValue.Write(output, document.RootElement);

        Assert.Equal("{\"B\":[1,\"x\"],\"a\":{\"z\":\"\\u003c\\u0026\\u003e\",\"\uE000\":1,\"\U0001F600\":2},\"b\":2}", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void A_number_beyond_float64_is_refused()
    {
        using var document = JsonDocument.Parse("[1e400]");

        Assert.Throws<JsonException>(() => GoJsonValue.Write(new ArrayBufferWriter<byte>(), document.RootElement));
    }
}
