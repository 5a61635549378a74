using System.Buffers;

namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>The "remaining length" of the fixed header: 7 bits per byte, low bits first, the high bit meaning "more", at most 4 bytes.</summary>
internal static class RemainingLength
{
    /// <summary>Largest value four bytes can carry (256 MB - 1).</summary>
    public const int Max = 268_435_455;

    public static int SizeOf(int value) => value switch
    {
        < 0 or > Max => throw new ArgumentOutOfRangeException(nameof(value), value, $"An MQTT remaining length is between 0 and {Max}."),
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    public static int Write(Span<byte> destination, int value)
    {
        var count = SizeOf(value);
        for (var i = 0; i < count; i++)
        {
            var digit = (byte)(value & 0x7F);
            value >>= 7;
            destination[i] = value > 0 ? (byte)(digit | 0x80) : digit;
        }

        return count;
    }

    /// <summary>
    /// Reads a remaining length from the start of <paramref name="reader"/>'s unread data. False when more bytes are
    /// needed; throws <see cref="MqttProtocolException"/> when a fifth byte would be needed.
    /// </summary>
    public static bool TryRead(ref SequenceReader<byte> reader, out int value)
    {
        value = 0;
        for (var i = 0; i < 4; i++)
        {
            if (!reader.TryRead(out var b))
            {
                return false;
            }

            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        throw new MqttProtocolException("Malformed MQTT packet: the remaining length runs past four bytes.");
    }
}
