using System.Text;
using ArgoEvents.EventBus.JetStream;
using ArgoEvents.EventBus.JetStream.Api;
using Xunit;

namespace ArgoEvents.EventBus.Tests.JetStream.Unit;

public sealed class ApiResponseReaderTests
{
    private const string Subject = "$JS.API.STREAM.INFO.ORDERS";

    [Fact]
    public void Error_reply_becomes_an_api_exception_with_codes_and_description()
    {
        var reply = """{"type":"io.nats.jetstream.api.v1.stream_info_response","error":{"code":404,"err_code":10059,"description":"stream not found"}}"""u8.ToArray();

        var ex = Assert.Throws<JetStreamApiException>(() => ApiResponseReader.Read(reply, JetStreamJsonContext.Default.StreamInfo, Subject));

        Assert.Equal(404, ex.Code);
        Assert.Equal(JetStreamErrorCode.StreamNotFound, ex.ErrorCode);
        Assert.Equal("stream not found", ex.Description);
        Assert.Equal(Subject, ex.Subject);
        Assert.Contains(Subject, ex.Message, StringComparison.Ordinal);
        Assert.Contains("10059", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_after_other_fields_is_still_found()
    {
        var reply = """{"stream":"ORDERS","seq":0,"error":{"code":400,"err_code":10060,"description":"expected stream does not match"}}"""u8.ToArray();

        var ex = Assert.Throws<JetStreamApiException>(() => ApiResponseReader.ThrowIfError(reply, "orders.new"));

        Assert.Equal(JetStreamErrorCode.StreamMismatch, ex.ErrorCode);
    }

    [Fact]
    public void A_nested_error_of_a_source_is_not_the_reply_error()
    {
        var reply = """{"config":{"name":"S"},"state":{},"sources":[{"name":"X","error":{"code":404,"err_code":10059,"description":"stream not found"}}]}"""u8;

        var info = ApiResponseReader.Read(reply, JetStreamJsonContext.Default.StreamInfo, Subject);

        Assert.Equal("S", info.Config.Name);
    }

    [Fact]
    public void Malformed_reply_names_the_request_and_shows_the_text()
    {
        var ex = Assert.Throws<JetStreamException>(() => ApiResponseReader.Read("not json"u8, JetStreamJsonContext.Default.StreamInfo, Subject));

        Assert.Contains(Subject, ex.Message, StringComparison.Ordinal);
        Assert.Contains("not json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_reply_is_refused()
    {
        var ex = Assert.Throws<JetStreamException>(() => ApiResponseReader.Read(ReadOnlySpan<byte>.Empty, JetStreamJsonContext.Default.StreamInfo, Subject));

        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrongly_typed_field_is_reported_as_a_malformed_reply()
    {
        var reply = Encoding.UTF8.GetBytes("""{"config":{"name":5}}""");

        var ex = Assert.Throws<JetStreamException>(() => ApiResponseReader.Read(reply, JetStreamJsonContext.Default.StreamInfo, Subject));

        Assert.IsNotType<JetStreamApiException>(ex);
        Assert.NotNull(ex.InnerException);
    }

    [Theory]
    [InlineData("wrong last sequence: 42", 42UL)]
    [InlineData("wrong last sequence: 0", 0UL)]
    public void Wrong_last_sequence_exposes_the_current_sequence(string description, ulong expected)
    {
        var ex = new JetStreamApiException(new() { Code = 400, ErrorCode = JetStreamErrorCode.WrongLastSequence, Description = description }, "$KV.b.k");

        Assert.True(ex.TryGetCurrentSequence(out var current));
        Assert.Equal(expected, current);
    }

    [Fact]
    public void Other_errors_have_no_current_sequence()
    {
        var ex = new JetStreamApiException(new() { Code = 400, ErrorCode = JetStreamErrorCode.WrongLastMsgId, Description = "wrong last msg ID: abc" }, "s");

        Assert.False(ex.TryGetCurrentSequence(out _));
    }

    [Fact]
    public void Wrong_last_sequence_without_a_number_has_no_current_sequence()
    {
        var ex = new JetStreamApiException(new() { Code = 400, ErrorCode = JetStreamErrorCode.WrongLastSequence, Description = "wrong last sequence" }, "s");

        Assert.False(ex.TryGetCurrentSequence(out _));
    }
}
