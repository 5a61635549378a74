using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>Writes the packets a client sends, byte for byte as MQTT 3.1.1 lays them out. Inputs are validated by the callers.</summary>
internal static class MqttPacketEncoder
{
    private const byte ProtocolLevel = 4;

    public static void WriteConnect(IBufferWriter<byte> writer, string clientId, bool cleanSession, ushort keepAliveSeconds, string? username, string? password)
    {
        var length = 10 + StringSize(clientId)
            + (username is null ? 0 : StringSize(username))
            + (password is null ? 0 : StringSize(password));
        var span = Begin(writer, MqttPacketType.Connect, 0, length, out var total);
        var n = 0;
        n += WriteString(span[n..], "MQTT");
        span[n++] = ProtocolLevel;
        var connectFlags = (byte)((cleanSession ? 0x02 : 0) | (username is null ? 0 : 0x80) | (password is null ? 0 : 0x40));
        span[n++] = connectFlags;
        BinaryPrimitives.WriteUInt16BigEndian(span[n..], keepAliveSeconds);
        n += 2;
        n += WriteString(span[n..], clientId);
        if (username is not null)
        {
            n += WriteString(span[n..], username);
        }

        if (password is not null)
        {
            WriteString(span[n..], password);
        }

        writer.Advance(total);
    }

    public static void WritePublish(IBufferWriter<byte> writer, string topic, MqttQualityOfService qos, bool retain, ushort packetId, ReadOnlySpan<byte> payload)
    {
        var length = StringSize(topic) + (qos > 0 ? 2 : 0) + payload.Length;
        var flags = ((int)qos << 1) | (retain ? 1 : 0);
        var span = Begin(writer, MqttPacketType.Publish, flags, length, out var total);
        var n = WriteString(span, topic);
        if (qos > 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[n..], packetId);
            n += 2;
        }

        payload.CopyTo(span[n..]);
        writer.Advance(total);
    }

    public static void WriteSubscribe(IBufferWriter<byte> writer, ushort packetId, IReadOnlyList<MqttTopicFilter> filters)
    {
        var length = 2;
        foreach (var filter in filters)
        {
            length += StringSize(filter.Filter) + 1;
        }

        var span = Begin(writer, MqttPacketType.Subscribe, 0x02, length, out var total);
        BinaryPrimitives.WriteUInt16BigEndian(span, packetId);
        var n = 2;
        foreach (var filter in filters)
        {
            n += WriteString(span[n..], filter.Filter);
            span[n++] = (byte)filter.Qos;
        }

        writer.Advance(total);
    }

    public static void WriteUnsubscribe(IBufferWriter<byte> writer, ushort packetId, IReadOnlyList<string> filters)
    {
        var length = 2;
        foreach (var filter in filters)
        {
            length += StringSize(filter);
        }

        var span = Begin(writer, MqttPacketType.Unsubscribe, 0x02, length, out var total);
        BinaryPrimitives.WriteUInt16BigEndian(span, packetId);
        var n = 2;
        foreach (var filter in filters)
        {
            n += WriteString(span[n..], filter);
        }

        writer.Advance(total);
    }

    public static void WritePubAck(IBufferWriter<byte> writer, ushort packetId)
    {
        var span = Begin(writer, MqttPacketType.PubAck, 0, 2, out var total);
        BinaryPrimitives.WriteUInt16BigEndian(span, packetId);
        writer.Advance(total);
    }

    public static void WritePingReq(IBufferWriter<byte> writer)
    {
        Begin(writer, MqttPacketType.PingReq, 0, 0, out var total);
        writer.Advance(total);
    }

    public static void WriteDisconnect(IBufferWriter<byte> writer)
    {
        Begin(writer, MqttPacketType.Disconnect, 0, 0, out var total);
        writer.Advance(total);
    }

    /// <summary>Bytes a PUBLISH of this shape takes after its fixed header; throws when it exceeds what MQTT can carry.</summary>
    public static int PublishRemainingLength(string topic, MqttQualityOfService qos, int payloadLength)
    {
        var length = (long)StringSize(topic) + (qos > 0 ? 2 : 0) + payloadLength;
        return length > RemainingLength.Max
            ? throw new ArgumentException($"An MQTT PUBLISH to '{topic}' with {payloadLength} payload bytes exceeds the protocol's limit of {RemainingLength.Max} bytes per packet.", nameof(payloadLength))
            : (int)length;
    }

    /// <summary>Writes the fixed header and returns the span for the rest; <paramref name="total"/> is what to advance by.</summary>
    private static Span<byte> Begin(IBufferWriter<byte> writer, MqttPacketType type, int flags, int remainingLength, out int total)
    {
        total = 1 + RemainingLength.SizeOf(remainingLength) + remainingLength;
        var span = writer.GetSpan(total);
        span[0] = (byte)(((int)type << 4) | flags);
        var header = 1 + RemainingLength.Write(span[1..], remainingLength);
        return span.Slice(header, remainingLength);
    }

    private static int StringSize(string value) => 2 + Encoding.UTF8.GetByteCount(value);

    private static int WriteString(Span<byte> destination, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, destination[2..]);
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)written);
        return 2 + written;
    }
}
