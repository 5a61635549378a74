using System.Text;
using ArgoEvents.EventBus.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Nats;

public sealed class NatsHeadersTests
{
    [Fact]
    public void Names_are_case_sensitive_and_may_repeat()
    {
        var headers = new NatsHeaders().Add("Nats-Msg-Id", "1").Add("nats-msg-id", "2").Add("Nats-Msg-Id", "3");

        Assert.Equal(["1", "3"], headers.GetValues("Nats-Msg-Id"));
        Assert.Equal(["2"], headers.GetValues("nats-msg-id"));
        Assert.Equal("1", headers["Nats-Msg-Id"]);
    }

    [Fact]
    public void Wire_format_round_trips_with_status()
    {
        var headers = new NatsHeaders { Status = 408, StatusDescription = "Request Timeout" }
            .Add("Nats-Pending-Messages", "9").Add("Nats-Pending-Bytes", "0");
        var buffer = new byte[HeaderWireFormat.GetLength(headers)];

        var written = HeaderWireFormat.Write(headers, buffer);
        var parsed = HeaderWireFormat.Parse(buffer);

        Assert.Equal(buffer.Length, written);
        Assert.Equal("NATS/1.0 408 Request Timeout\r\nNats-Pending-Messages: 9\r\nNats-Pending-Bytes: 0\r\n\r\n", Encoding.UTF8.GetString(buffer));
        Assert.Equal(408, parsed.Status);
        Assert.Equal("Request Timeout", parsed.StatusDescription);
        Assert.Equal("9", parsed["Nats-Pending-Messages"]);
    }

    [Fact]
    public void Status_only_block_parses()
    {
        var parsed = HeaderWireFormat.Parse("NATS/1.0 503\r\n\r\n"u8);

        Assert.Equal(503, parsed.Status);
        Assert.Null(parsed.StatusDescription);
        Assert.Equal(0, parsed.Count);
    }

    [Theory]
    [InlineData("Bad Name", "v")]
    [InlineData("Colon:", "v")]
    [InlineData("", "v")]
    [InlineData("Ok", "line\r\nbreak")]
    public void Invalid_names_and_values_are_refused(string name, string value)
    {
        var error = Assert.Throws<NatsProtocolArgumentException>(() => new NatsHeaders().Add(name, value));
        Assert.Contains(name.Length == 0 ? "empty" : name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_without_the_version_line_is_a_protocol_error()
    {
        Assert.Throws<NatsProtocolException>(() => HeaderWireFormat.Parse("HTTP/1.1 200\r\n\r\n"u8));
    }
}
