using System.Buffers;
using System.Text;
using ArgoEvents.EventSources.Protocols.Resp;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Resp;

public sealed class RespReplyParserTests
{
    [Fact]
    public void Parses_every_resp2_type_and_leaves_the_rest()
    {
        var bytes = "+OK\r\n-ERR bad\r\n:-42\r\n$5\r\nhe\r\no\r\n$-1\r\n*-1\r\n*0\r\n*2\r\n*1\r\n:1\r\n$0\r\n\r\n+tail"u8.ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);
        var replies = new List<RedisReply>();
        while (RespReplyParser.TryParse(ref buffer, out var reply))
        {
            replies.Add(reply);
        }

        Assert.Equal(8, replies.Count);
        Assert.Equal("+tail", Encoding.ASCII.GetString(buffer.ToArray()));
        Assert.Equal(RedisReplyKind.SimpleString, replies[0].Kind);
        Assert.Equal("OK", replies[0].AsString());
        Assert.Equal(RedisReplyKind.Error, replies[1].Kind);
        Assert.Equal("ERR bad", replies[1].AsString());
        Assert.Equal(-42, replies[2].Integer);
        Assert.Equal("he\r\no", replies[3].AsString());
        Assert.True(replies[4].IsNull);
        Assert.Equal(RedisReplyKind.BulkString, replies[4].Kind);
        Assert.True(replies[5].IsNull);
        Assert.Equal(RedisReplyKind.Array, replies[5].Kind);
        Assert.Equal(0, replies[6].Count);
        Assert.False(replies[6].IsNull);
        Assert.Equal(1, replies[7][0][0].Integer);
        Assert.Equal(string.Empty, replies[7][1].AsString());
    }

    [Fact]
    public void A_reply_split_across_segments_at_every_byte_parses_only_once_complete()
    {
        var bytes = "*3\r\n$3\r\nfoo\r\n*2\r\n:7\r\n+x\r\n$-1\r\n"u8.ToArray();
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var partial = new ReadOnlySequence<byte>(bytes, 0, cut);
            Assert.False(RespReplyParser.TryParse(ref partial, out _));
            Assert.Equal(cut, partial.Length);

            var whole = Segmented(bytes, cut);
            Assert.True(RespReplyParser.TryParse(ref whole, out var reply));
            Assert.True(whole.IsEmpty);
            Assert.Equal("foo", reply[0].AsString());
            Assert.Equal(7, reply[1][0].Integer);
            Assert.True(reply[1][1].Is("x"u8));
            Assert.True(reply[2].IsNull);
        }
    }

    [Theory]
    [InlineData("%1\r\n+a\r\n+b\r\n", "'%'")]
    [InlineData("$abc\r\n", "not an integer")]
    [InlineData("$3\r\nfooXY", "CRLF")]
    [InlineData("*-5\r\n", "length of -5")]
    public void Garbage_and_resp3_types_are_refused_with_a_protocol_error(string wire, string expected)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(wire));
        var error = Assert.Throws<RedisProtocolException>(() => RespReplyParser.TryParse(ref buffer, out _));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_the_wrong_kind_names_the_reply()
    {
        var buffer = new ReadOnlySequence<byte>(":5\r\n"u8.ToArray());
        Assert.True(RespReplyParser.TryParse(ref buffer, out var reply));
        var error = Assert.Throws<InvalidOperationException>(() => reply.Bytes);
        Assert.Contains("Integer(5)", error.Message, StringComparison.Ordinal);
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int cut)
    {
        var first = new Segment(bytes.AsMemory(0, cut), 0);
        var second = first.Append(bytes.AsMemory(cut));
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
