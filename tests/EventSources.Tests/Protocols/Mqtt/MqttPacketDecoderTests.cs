using System.Buffers;
using ArgoEvents.EventSources.Protocols.Mqtt;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Mqtt;

public sealed class MqttPacketDecoderTests
{
    private const int Limit = 1024;

    [Fact]
    public void Every_packet_a_broker_sends_decodes_from_its_bytes()
    {
        byte[] wire =
        [
            0x20, 0x02, 0x01, 0x00,                         // CONNACK session present, accepted
            0x30, 0x07, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'b', (byte)'h', (byte)'i', // PUBLISH QoS 0 "a/b" "hi"
            0x3B, 0x07, 0x00, 0x01, (byte)'t', 0x12, 0x34, (byte)'x', (byte)'y', // PUBLISH DUP QoS 1 RETAIN id 0x1234
            0x40, 0x02, 0x00, 0x05,                         // PUBACK 5
            0x90, 0x05, 0x00, 0x07, 0x00, 0x01, 0x80,       // SUBACK 7 [0, 1, failure]
            0xB0, 0x02, 0xFF, 0xFF,                         // UNSUBACK 65535
            0xD0, 0x00,                                     // PINGRESP
        ];
        var handler = Decode(wire);
        Assert.Equal(
            [
                "CONNACK sp=True rc=Accepted",
                "PUBLISH a/b qos=0 dup=False retain=False id=0 len=2",
                "PUBLISH t qos=1 dup=True retain=True id=4660 len=2",
                "PUBACK 5",
                "SUBACK 7 [00,01,80]",
                "UNSUBACK 65535",
                "PINGRESP",
            ],
            handler.Packets);
        Assert.Equal("xy"u8.ToArray(), handler.Payloads[1]);
    }

    [Fact]
    public void A_packet_split_at_every_byte_boundary_decodes_once_complete()
    {
        byte[] wire = [0x32, 0x09, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'b', 0x00, 0x01, (byte)'o', (byte)'k'];
        for (var cut = 0; cut < wire.Length; cut++)
        {
            var handler = new RecordingPacketHandler();
            var partial = new ReadOnlySequence<byte>(wire.AsMemory(0, cut));
            Assert.False(MqttPacketDecoder.TryDecode(ref partial, Limit, handler));
            Assert.Empty(handler.Packets);
            Assert.Equal(cut, partial.Length);
        }

        var whole = Segmented(wire, 3);
        var complete = new RecordingPacketHandler();
        Assert.True(MqttPacketDecoder.TryDecode(ref whole, Limit, complete));
        Assert.Equal(["PUBLISH a/b qos=1 dup=False retain=False id=1 len=2"], complete.Packets);
        Assert.True(whole.IsEmpty);
    }

    [Theory]
    [InlineData(new byte[] { 0x20, 0x02, 0x00, 0x06 }, "return code 6 is reserved")]
    [InlineData(new byte[] { 0x20, 0x02, 0x02, 0x00 }, "reserved acknowledge flags")]
    [InlineData(new byte[] { 0x20, 0x02, 0x01, 0x05 }, "session present is set with the refusal code 5")]
    [InlineData(new byte[] { 0x20, 0x03, 0x00, 0x00, 0x00 }, "CONNACK: remaining length 3, must be 2")]
    [InlineData(new byte[] { 0x21, 0x02, 0x00, 0x00 }, "CONNACK: reserved fixed-header flags are 0x1")]
    [InlineData(new byte[] { 0x36, 0x05, 0x00, 0x01, (byte)'t', 0x00, 0x01 }, "QoS 3 does not exist")]
    [InlineData(new byte[] { 0x34, 0x05, 0x00, 0x01, (byte)'t', 0x00, 0x01 }, "QoS 2 PUBLISH")]
    [InlineData(new byte[] { 0x38, 0x04, 0x00, 0x01, (byte)'t', (byte)'x' }, "DUP flag is set on a QoS 0")]
    [InlineData(new byte[] { 0x32, 0x05, 0x00, 0x01, (byte)'t', 0x00, 0x00 }, "packet identifier 0")]
    [InlineData(new byte[] { 0x30, 0x03, 0x00, 0x05, (byte)'t' }, "do not fit in the remaining 1 bytes")]
    [InlineData(new byte[] { 0x30, 0x01, 0x00 }, "ends inside the topic length")]
    [InlineData(new byte[] { 0x30, 0x04, 0x00, 0x02, 0xC3, 0x28 }, "not well-formed UTF-8")]
    [InlineData(new byte[] { 0x30, 0x05, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'#' }, "must not contain the wildcards")]
    [InlineData(new byte[] { 0x30, 0x02, 0x00, 0x00 }, "it is empty")]
    [InlineData(new byte[] { 0x90, 0x03, 0x00, 0x01, 0x03 }, "return code 0x03")]
    [InlineData(new byte[] { 0x90, 0x02, 0x00, 0x01 }, "must be at least 3")]
    [InlineData(new byte[] { 0x40, 0x03, 0x00, 0x01, 0x00 }, "PUBACK: remaining length 3, must be 2")]
    [InlineData(new byte[] { 0xD0, 0x01, 0x00 }, "PINGRESP: remaining length 1, must be 0")]
    [InlineData(new byte[] { 0x50, 0x02, 0x00, 0x01 }, "PUBREC, a QoS 2 packet")]
    [InlineData(new byte[] { 0x62, 0x02, 0x00, 0x01 }, "PUBREL, a QoS 2 packet")]
    [InlineData(new byte[] { 0x10, 0x00 }, "CONNECT, a packet only clients send")]
    [InlineData(new byte[] { 0x82, 0x00 }, "SUBSCRIBE, a packet only clients send")]
    [InlineData(new byte[] { 0xE0, 0x00 }, "DISCONNECT, a packet only clients send")]
    [InlineData(new byte[] { 0x00, 0x00 }, "type 0 is reserved")]
    [InlineData(new byte[] { 0xF0, 0x00 }, "type 15 is reserved")]
    [InlineData(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "runs past four bytes")]
    public void Malformed_packets_are_refused_with_what_is_wrong(byte[] wire, string expected)
    {
        var error = Assert.Throws<MqttProtocolException>(() => Decode(wire));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_packet_over_the_size_limit_is_refused_from_its_header_before_its_body_arrives()
    {
        // Remaining length 1025 announced, only the header present: the decoder must not wait for the body.
        var header = new ReadOnlySequence<byte>(new byte[] { 0x30, 0x81, 0x08 });
        var error = Assert.Throws<MqttProtocolException>(() => MqttPacketDecoder.TryDecode(ref header, Limit, new RecordingPacketHandler()));
        Assert.Contains("PUBLISH packet of 1025 bytes, more than the limit of 1024 bytes", error.Message, StringComparison.Ordinal);

        var atLimit = new byte[3 + 1024];
        atLimit[0] = 0x30;
        atLimit[1] = 0x80;
        atLimit[2] = 0x08;
        atLimit[4] = 1;
        atLimit[5] = (byte)'t';
        var handler = Decode(atLimit);
        Assert.Equal(["PUBLISH t qos=0 dup=False retain=False id=0 len=1021"], handler.Packets);
    }

    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void Remaining_length_round_trips_at_every_size_boundary(int value, byte[] encoded)
    {
        var buffer = new byte[4];
        var written = RemainingLength.Write(buffer, value);
        Assert.Equal(encoded, buffer[..written]);

        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(encoded));
        Assert.True(RemainingLength.TryRead(ref reader, out var read));
        Assert.Equal(value, read);
        Assert.Equal(encoded.Length, reader.Consumed);
    }

    [Fact]
    public void A_remaining_length_beyond_what_four_bytes_carry_cannot_be_encoded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RemainingLength.SizeOf(RemainingLength.Max + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RemainingLength.SizeOf(-1));
    }

    private static RecordingPacketHandler Decode(byte[] wire)
    {
        var handler = new RecordingPacketHandler();
        var buffer = new ReadOnlySequence<byte>(wire);
        MqttPacketDecoder.DecodeAll(ref buffer, Limit, handler);
        Assert.True(buffer.IsEmpty, $"{buffer.Length} bytes were left undecoded");
        return handler;
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentSize)
    {
        Segment? first = null;
        Segment? last = null;
        for (var i = 0; i < bytes.Length; i += segmentSize)
        {
            var chunk = bytes.AsMemory(i, Math.Min(segmentSize, bytes.Length - i));
            last = last is null ? first = new Segment(chunk, 0) : last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
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
