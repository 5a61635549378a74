using System.Text;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Models;
using ArgoEvents.EventBus.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.JetStream.Unit;

public sealed class PubAckReaderTests
{
    private readonly PubAckReader _reader = new();

    [Fact]
    public void Reads_stream_sequence_duplicate_and_domain_in_any_order()
    {
        Assert.Equal(new PubAck("S", 5, false, null), _reader.Read(Reply("""{"stream":"S","seq":5}"""), "s"));
        Assert.Equal(new PubAck("S", 6, true, "hub"), _reader.Read(Reply("""{"seq":6,"domain":"hub","duplicate":true,"stream":"S","extra":{"a":[1]}}"""), "s"));
    }

    [Fact]
    public void Reuses_the_stream_name_of_the_previous_ack()
    {
        var first = _reader.Read(Reply("""{"stream":"ORDERS","seq":1}"""), "s");
        var second = _reader.Read(Reply("""{"stream":"ORDERS","seq":2}"""), "s");
        var other = _reader.Read(Reply("""{"stream":"OTHER","seq":3}"""), "s");

        Assert.Same(first.Stream, second.Stream);
        Assert.Equal("OTHER", other.Stream);
    }

    [Fact]
    public void Error_reply_becomes_an_api_exception()
    {
        var ex = Assert.Throws<JetStreamApiException>(() => _reader.Read(Reply("""{"error":{"code":503,"err_code":10008,"description":"JetStream system temporarily unavailable"},"stream":"S","seq":0}"""), "orders.x"));

        Assert.Equal(503, ex.Code);
        Assert.Equal(JetStreamErrorCode.ClusterNotAvailable, ex.ErrorCode);
        Assert.Equal("orders.x", ex.Subject);
    }

    [Theory]
    [InlineData("", "empty reply")]
    [InlineData("nope", "not valid JSON")]
    [InlineData("""{"stream":"S"}""", "not valid JSON")]
    [InlineData("[1]", "not valid JSON")]
    public void Unusable_replies_are_refused_naming_the_subject(string json, string expected)
    {
        var ex = Assert.Throws<JetStreamException>(() => _reader.Read(Reply(json), "orders.x"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("orders.x", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_reply_is_refused()
    {
        var headers = new NatsHeaders { Status = 408, StatusDescription = "Request Timeout" };

        var ex = Assert.Throws<JetStreamException>(() => _reader.Read(new NatsMsg("_INBOX.x", null, headers, ReadOnlyMemory<byte>.Empty, null), "orders.x"));

        Assert.Contains("408", ex.Message, StringComparison.Ordinal);
    }

    private static NatsMsg Reply(string json) => new("_INBOX.x.1", null, null, Encoding.UTF8.GetBytes(json), null);
}
