using System.Buffers;
using ArgoEvents.EventSources.Protocols.Mqtt;
using Xunit;

namespace ArgoEvents.EventSources.Tests.Protocols.Mqtt;

public sealed class MqttPacketEncoderTests
{
    [Fact]
    public void Connect_carries_protocol_level_4_flags_keep_alive_client_id_and_credentials()
    {
        var bytes = Encode(w => MqttPacketEncoder.WriteConnect(w, "c1", cleanSession: true, 60, "u", "p"));
        Assert.Equal(
            new byte[] { 0x10, 0x14, 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, 0xC2, 0x00, 0x3C, 0x00, 0x02, (byte)'c', (byte)'1', 0x00, 0x01, (byte)'u', 0x00, 0x01, (byte)'p' },
            bytes);
    }

    [Fact]
    public void Connect_without_credentials_for_a_persistent_session_sets_no_flags()
    {
        var bytes = Encode(w => MqttPacketEncoder.WriteConnect(w, "id", cleanSession: false, 0, null, null));
        Assert.Equal(
            new byte[] { 0x10, 0x0E, 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, 0x00, 0x00, 0x00, 0x00, 0x02, (byte)'i', (byte)'d' },
            bytes);
    }

    [Fact]
    public void Subscribe_and_unsubscribe_use_the_reserved_flags_0010_and_list_their_filters()
    {
        var subscribe = Encode(w => MqttPacketEncoder.WriteSubscribe(w, 10, [new("a/+", MqttQualityOfService.AtLeastOnce), new("#", MqttQualityOfService.AtMostOnce)]));
        Assert.Equal(new byte[] { 0x82, 0x0C, 0x00, 0x0A, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'+', 0x01, 0x00, 0x01, (byte)'#', 0x00 }, subscribe);

        var unsubscribe = Encode(w => MqttPacketEncoder.WriteUnsubscribe(w, 11, ["a/+"]));
        Assert.Equal(new byte[] { 0xA2, 0x07, 0x00, 0x0B, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'+' }, unsubscribe);
    }

    [Fact]
    public void Publish_puts_qos_and_retain_in_the_header_and_the_packet_id_after_the_topic()
    {
        var qos1 = Encode(w => MqttPacketEncoder.WritePublish(w, "t", MqttQualityOfService.AtLeastOnce, retain: true, 258, "hi"u8));
        Assert.Equal(new byte[] { 0x33, 0x07, 0x00, 0x01, (byte)'t', 0x01, 0x02, (byte)'h', (byte)'i' }, qos1);

        var qos0 = Encode(w => MqttPacketEncoder.WritePublish(w, "t", MqttQualityOfService.AtMostOnce, retain: false, 0, new byte[200]));
        Assert.Equal(new byte[] { 0x30, 0xCB, 0x01, 0x00, 0x01, (byte)'t' }, qos0[..6]);
        Assert.Equal(3 + 203, qos0.Length);
    }

    [Fact]
    public void A_published_packet_decodes_back_to_what_was_published()
    {
        var payload = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var bytes = Encode(w => MqttPacketEncoder.WritePublish(w, "sensors/é/temp", MqttQualityOfService.AtLeastOnce, retain: false, 65535, payload));
        var handler = new RecordingPacketHandler();
        var sequence = new ReadOnlySequence<byte>(bytes);
        Assert.True(MqttPacketDecoder.TryDecode(ref sequence, 1 << 20, handler));
        Assert.Equal(["PUBLISH sensors/é/temp qos=1 dup=False retain=False id=65535 len=5000"], handler.Packets);
        Assert.Equal(payload, handler.Payloads[0]);
    }

    [Fact]
    public void Acknowledgement_ping_and_disconnect_are_fixed_size()
    {
        Assert.Equal(new byte[] { 0x40, 0x02, 0x02, 0x01 }, Encode(w => MqttPacketEncoder.WritePubAck(w, 513)));
        Assert.Equal(new byte[] { 0xC0, 0x00 }, Encode(MqttPacketEncoder.WritePingReq));
        Assert.Equal(new byte[] { 0xE0, 0x00 }, Encode(MqttPacketEncoder.WriteDisconnect));
    }

    [Fact]
    public void A_publish_larger_than_mqtt_can_carry_is_refused_before_encoding()
    {
        var error = Assert.Throws<ArgumentException>(() => MqttPacketEncoder.PublishRemainingLength("t", MqttQualityOfService.AtLeastOnce, RemainingLength.Max));
        Assert.Contains("exceeds the protocol's limit of 268435455 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(RemainingLength.Max, MqttPacketEncoder.PublishRemainingLength("t", MqttQualityOfService.AtMostOnce, RemainingLength.Max - 3));
    }

    private static byte[] Encode(Action<IBufferWriter<byte>> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
