using System.Buffers;
using System.Text;
using ArgoEvents.EventBus.Nats;
using Xunit;

namespace ArgoEvents.EventBus.Tests.Nats;

public sealed class ProtocolParserTests
{
    [Fact]
    public void Parses_msg_with_and_without_reply()
    {
        var ops = Parse("MSG foo.bar 9 5\r\nhello\r\nMSG foo 10 _INBOX.x.1 2\r\nhi\r\n");

        Assert.Equal(["MSG foo.bar sid=9 reply= hdr= data=hello", "MSG foo sid=10 reply=_INBOX.x.1 hdr= data=hi"], ops);
    }

    [Fact]
    public void Parses_hmsg_and_splits_headers_from_payload()
    {
        var headers = "NATS/1.0\r\nA: 1\r\n\r\n";
        var wire = $"HMSG s 1 r {headers.Length} {headers.Length + 3}\r\n{headers}abc\r\n";

        var ops = Parse(wire);

        Assert.Equal([$"MSG s sid=1 reply=r hdr={headers} data=abc"], ops);
    }

    [Fact]
    public void Payload_may_contain_crlf()
    {
        var ops = Parse("MSG a 1 6\r\n\r\nx\r\ny\r\n");

        Assert.Equal(["MSG a sid=1 reply= hdr= data=\r\nx\r\ny"], ops);
    }

    [Fact]
    public void Control_operations_are_case_insensitive()
    {
        var ops = Parse("ping\r\nPONG\r\n+OK\r\n-ERR 'Permissions Violation for Publish to foo'\r\nINFO {\"server_id\":\"x\"}\r\n");

        Assert.Equal(["PING", "PONG", "ERR Permissions Violation for Publish to foo", "INFO {\"server_id\":\"x\"}"], ops);
    }

    [Fact]
    public void Every_split_point_of_a_stream_yields_the_same_operations()
    {
        const string wire = "MSG foo 1 reply 5\r\nhello\r\nPING\r\nHMSG bar 2 12 14\r\nNATS/1.0\r\n\r\nok\r\n";
        var expected = Parse(wire);
        var bytes = Encoding.UTF8.GetBytes(wire);

        for (var split = 1; split < bytes.Length; split++)
        {
            var handler = new RecordingHandler();
            var pending = new ArrayBufferWriter<byte>();
            foreach (var chunk in new[] { bytes[..split], bytes[split..] })
            {
                pending.Write(chunk);
                var buffer = new ReadOnlySequence<byte>(pending.WrittenMemory);
                ProtocolParser.ParseAll(ref buffer, handler);
                var rest = buffer.ToArray();
                pending.Clear();
                pending.Write(rest);
            }

            Assert.Equal(expected, handler.Ops);
            Assert.Equal(0, pending.WrittenCount);
        }
    }

    [Fact]
    public void Operations_spanning_segments_are_parsed()
    {
        var bytes = Encoding.UTF8.GetBytes("MSG foo 1 5\r\nhello\r\nPING\r\n");
        var sequence = SegmentedSequence(bytes, 3);
        var handler = new RecordingHandler();

        ProtocolParser.ParseAll(ref sequence, handler);

        Assert.Equal(["MSG foo sid=1 reply= hdr= data=hello", "PING"], handler.Ops);
        Assert.Equal(0, sequence.Length);
    }

    [Theory]
    [InlineData("BOGUS\r\n")]
    [InlineData("MSG foo\r\n")]
    [InlineData("MSG foo x 5\r\nhello\r\n")]
    [InlineData("MSG foo 1 -5\r\n")]
    [InlineData("HMSG foo 1 10 5\r\n")]
    public void Malformed_input_is_a_protocol_error(string wire)
    {
        Assert.Throws<NatsProtocolException>(() => Parse(wire));
    }

    private static List<string> Parse(string wire)
    {
        var handler = new RecordingHandler();
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(wire));
        ProtocolParser.ParseAll(ref buffer, handler);
        Assert.Equal(0, buffer.Length);
        return handler.Ops;
    }

    private static ReadOnlySequence<byte> SegmentedSequence(byte[] bytes, int segmentSize)
    {
        Segment? first = null, last = null;
        for (var i = 0; i < bytes.Length; i += segmentSize)
        {
            var segment = new Segment(bytes.AsMemory(i, Math.Min(segmentSize, bytes.Length - i)));
            if (first is null)
            {
                first = segment;
            }
            else
            {
                last!.Append(segment);
            }

            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public void Append(Segment next)
        {
            next.RunningIndex = RunningIndex + Memory.Length;
            Next = next;
        }
    }

    private sealed class RecordingHandler : IProtocolHandler
    {
        public List<string> Ops { get; } = [];

        public void OnMessage(ReadOnlySpan<byte> subject, long sid, ReadOnlySpan<byte> replyTo, in ReadOnlySequence<byte> headers, in ReadOnlySequence<byte> payload)
            => Ops.Add($"MSG {Encoding.UTF8.GetString(subject)} sid={sid} reply={Encoding.UTF8.GetString(replyTo)} hdr={Encoding.UTF8.GetString(headers.ToArray())} data={Encoding.UTF8.GetString(payload.ToArray())}");

        public void OnPing() => Ops.Add("PING");

        public void OnPong() => Ops.Add("PONG");

        public void OnInfo(ReadOnlySpan<byte> json) => Ops.Add("INFO " + Encoding.UTF8.GetString(json));

        public void OnError(string message) => Ops.Add("ERR " + message);
    }
}
