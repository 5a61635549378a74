using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>
/// Takes the packets a broker may send to a client off a byte sequence. Anything else, a packet larger than the
/// limit, or a packet whose fields contradict its length is refused with <see cref="MqttProtocolException"/>.
/// </summary>
internal static class MqttPacketDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes every complete packet at the start of <paramref name="buffer"/>, leaving a partial one in it.</summary>
    public static void DecodeAll(ref ReadOnlySequence<byte> buffer, int maxPacketSize, IMqttPacketHandler handler)
    {
        while (TryDecode(ref buffer, maxPacketSize, handler))
        {
        }
    }

    /// <summary>Decodes one packet and slices it off <paramref name="buffer"/>; false when the packet is not complete yet.</summary>
    public static bool TryDecode(ref ReadOnlySequence<byte> buffer, int maxPacketSize, IMqttPacketHandler handler)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out var first))
        {
            return false;
        }

        var type = (MqttPacketType)(first >> 4);
        var flags = first & 0x0F;
        CheckTypeAndFlags(type, flags);
        if (!RemainingLength.TryRead(ref reader, out var length))
        {
            return false;
        }

        if (length > maxPacketSize)
        {
            throw new MqttProtocolException($"The MQTT broker sent a {type.ToString().ToUpperInvariant()} packet of {length} bytes, more than the limit of {maxPacketSize} bytes (MqttOptions.MaxIncomingPacketSize).");
        }

        if (reader.Remaining < length)
        {
            return false;
        }

        var body = buffer.Slice(reader.Position, length);
        Dispatch(type, flags, body, handler);
        buffer = buffer.Slice(body.End);
        return true;
    }

    private static void CheckTypeAndFlags(MqttPacketType type, int flags)
    {
        switch (type)
        {
            case MqttPacketType.Publish:
                if ((flags & 0x06) == 0x06)
                {
                    throw new MqttProtocolException("Malformed MQTT PUBLISH: both QoS bits are set (QoS 3 does not exist).");
                }

                return;
            case MqttPacketType.ConnAck or MqttPacketType.PubAck or MqttPacketType.SubAck or MqttPacketType.UnsubAck or MqttPacketType.PingResp:
                if (flags != 0)
                {
                    throw new MqttProtocolException($"Malformed MQTT {type.ToString().ToUpperInvariant()}: reserved fixed-header flags are 0x{flags:X1}, must be 0.");
                }

                return;
            case MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp:
                throw new MqttProtocolException($"The MQTT broker sent {type.ToString().ToUpperInvariant()}, a QoS 2 packet; this client neither publishes nor subscribes with QoS 2 and refuses it.");
            case MqttPacketType.Connect or MqttPacketType.Subscribe or MqttPacketType.Unsubscribe or MqttPacketType.PingReq or MqttPacketType.Disconnect:
                throw new MqttProtocolException($"The MQTT broker sent {type.ToString().ToUpperInvariant()}, a packet only clients send.");
            default:
                throw new MqttProtocolException($"Malformed MQTT packet: type {(int)type} is reserved.");
        }
    }

    private static void Dispatch(MqttPacketType type, int flags, ReadOnlySequence<byte> body, IMqttPacketHandler handler)
    {
        switch (type)
        {
            case MqttPacketType.ConnAck:
                DecodeConnAck(body, handler);
                break;
            case MqttPacketType.Publish:
                DecodePublish(flags, body, handler);
                break;
            case MqttPacketType.PubAck:
                handler.OnPubAck(ReadPacketIdOnly(type, body));
                break;
            case MqttPacketType.UnsubAck:
                handler.OnUnsubAck(ReadPacketIdOnly(type, body));
                break;
            case MqttPacketType.SubAck:
                DecodeSubAck(body, handler);
                break;
            default:
                if (body.Length != 0)
                {
                    throw new MqttProtocolException($"Malformed MQTT PINGRESP: remaining length {body.Length}, must be 0.");
                }

                handler.OnPingResp();
                break;
        }
    }

    private static void DecodeConnAck(ReadOnlySequence<byte> body, IMqttPacketHandler handler)
    {
        if (body.Length != 2)
        {
            throw new MqttProtocolException($"Malformed MQTT CONNACK: remaining length {body.Length}, must be 2.");
        }

        Span<byte> bytes = stackalloc byte[2];
        body.CopyTo(bytes);
        if ((bytes[0] & 0xFE) != 0)
        {
            throw new MqttProtocolException($"Malformed MQTT CONNACK: reserved acknowledge flags 0x{bytes[0]:X2}, only bit 0 (session present) may be set.");
        }

        if (bytes[1] > (byte)MqttConnectReturnCode.NotAuthorized)
        {
            throw new MqttProtocolException($"MQTT CONNACK return code {bytes[1]} is reserved in MQTT 3.1.1.");
        }

        var sessionPresent = (bytes[0] & 1) == 1;
        if (sessionPresent && bytes[1] != 0)
        {
            throw new MqttProtocolException($"Malformed MQTT CONNACK: session present is set with the refusal code {bytes[1]}.");
        }

        handler.OnConnAck(sessionPresent, (MqttConnectReturnCode)bytes[1]);
    }

    private static void DecodePublish(int flags, ReadOnlySequence<byte> body, IMqttPacketHandler handler)
    {
        var qos = (flags >> 1) & 0x03;
        if (qos == 2)
        {
            throw new MqttProtocolException("The MQTT broker sent a QoS 2 PUBLISH; this client subscribes with QoS 0 or 1 only and refuses QoS 2 deliveries.");
        }

        var duplicate = (flags & 0x08) != 0;
        if (qos == 0 && duplicate)
        {
            throw new MqttProtocolException("Malformed MQTT PUBLISH: the DUP flag is set on a QoS 0 message.");
        }

        var reader = new SequenceReader<byte>(body);
        if (!reader.TryReadBigEndian(out short topicLength))
        {
            throw new MqttProtocolException("Malformed MQTT PUBLISH: the packet ends inside the topic length.");
        }

        var topicBytes = (ushort)topicLength;
        if (reader.Remaining < topicBytes + (qos > 0 ? 2 : 0))
        {
            throw new MqttProtocolException($"Malformed MQTT PUBLISH: a topic of {topicBytes} bytes{(qos > 0 ? " and a packet identifier" : string.Empty)} do not fit in the remaining {reader.Remaining} bytes.");
        }

        var topic = DecodeTopic(body.Slice(reader.Position, topicBytes));
        reader.Advance(topicBytes);
        ushort packetId = 0;
        if (qos > 0)
        {
            reader.TryReadBigEndian(out short id);
            packetId = (ushort)id;
            if (packetId == 0)
            {
                throw new MqttProtocolException($"Malformed MQTT PUBLISH on '{topic}': QoS {qos} with packet identifier 0.");
            }
        }

        var payload = body.Slice(reader.Position).ToArray();
        handler.OnPublish(topic, (MqttQualityOfService)qos, duplicate, (flags & 0x01) != 0, packetId, payload);
    }

    private static string DecodeTopic(ReadOnlySequence<byte> bytes)
    {
        string topic;
        try
        {
            topic = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MqttProtocolException("Malformed MQTT PUBLISH: the topic name is not well-formed UTF-8.");
        }

        if (MqttTopic.DescribeNameError(topic) is { } error)
        {
            throw new MqttProtocolException($"Malformed MQTT PUBLISH: topic name '{topic}' is invalid: {error}.");
        }

        return topic;
    }

    private static void DecodeSubAck(ReadOnlySequence<byte> body, IMqttPacketHandler handler)
    {
        if (body.Length < 3)
        {
            throw new MqttProtocolException($"Malformed MQTT SUBACK: remaining length {body.Length}, must be at least 3 (packet identifier and one return code).");
        }

        var bytes = body.ToArray();
        var packetId = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        var codes = bytes.AsSpan(2);
        foreach (var code in codes)
        {
            if (code is not (0x00 or 0x01 or 0x02 or 0x80))
            {
                throw new MqttProtocolException($"Malformed MQTT SUBACK: return code 0x{code:X2} is not 0x00, 0x01, 0x02 or 0x80.");
            }
        }

        handler.OnSubAck(packetId, codes);
    }

    private static ushort ReadPacketIdOnly(MqttPacketType type, ReadOnlySequence<byte> body)
    {
        if (body.Length != 2)
        {
            throw new MqttProtocolException($"Malformed MQTT {type.ToString().ToUpperInvariant()}: remaining length {body.Length}, must be 2.");
        }

        Span<byte> bytes = stackalloc byte[2];
        body.CopyTo(bytes);
        return BinaryPrimitives.ReadUInt16BigEndian(bytes);
    }
}
