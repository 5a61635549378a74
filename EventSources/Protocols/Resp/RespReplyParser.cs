using System.Buffers;
using System.Buffers.Text;

namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>
/// Cuts complete RESP2 replies off the front of the receive buffer. A reply is first measured where it lies (it may
/// span segments), then copied once into its own array and decoded from there, so a half-received reply costs nothing.
/// </summary>
internal static class RespReplyParser
{
    /// <summary>Nesting deeper than this is taken as garbage rather than followed.</summary>
    internal const int MaxDepth = 64;

    /// <summary>Redis's own proto-max-bulk-len ceiling.</summary>
    internal const long MaxBulkLength = 512L * 1024 * 1024;

    /// <summary>Takes one complete reply off <paramref name="buffer"/>; false (buffer untouched) when it is not all there yet.</summary>
    public static bool TryParse(ref ReadOnlySequence<byte> buffer, out RedisReply reply)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!TrySkip(ref reader, 0))
        {
            reply = default;
            return false;
        }

        var length = reader.Consumed;
        var bytes = new byte[length];
        buffer.Slice(0, length).CopyTo(bytes);
        var position = 0;
        reply = Decode(bytes, ref position);
        buffer = buffer.Slice(length);
        return true;
    }

    private static bool TrySkip(ref SequenceReader<byte> reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new RedisProtocolException($"A Redis reply nests deeper than {MaxDepth} levels.");
        }

        if (!reader.TryRead(out var type) || !TryReadLine(ref reader, out var line))
        {
            return false;
        }

        switch (type)
        {
            case (byte)'+':
            case (byte)'-':
                return true;
            case (byte)':':
                ParseLength(line, type, allowAnyInteger: true);
                return true;
            case (byte)'$':
                var length = ParseLength(line, type, allowAnyInteger: false);
                if (length < 0)
                {
                    return true;
                }

                if (reader.Remaining < length + 2)
                {
                    return false;
                }

                reader.Advance(length);
                if (!reader.IsNext("\r\n"u8, advancePast: true))
                {
                    throw new RedisProtocolException("A Redis bulk string is not followed by CRLF.");
                }

                return true;
            case (byte)'*':
                var count = ParseLength(line, type, allowAnyInteger: false);
                for (long i = 0; i < count; i++)
                {
                    if (!TrySkip(ref reader, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                throw new RedisProtocolException(
                    $"Redis sent a reply of type '{(char)type}' (0x{type:x2}); only RESP2 (+ - : $ *) is spoken on this connection.");
        }
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line)
    {
        if (!reader.TryReadTo(out line, "\r\n"u8, advancePastDelimiter: true))
        {
            return false;
        }

        return true;
    }

    private static long ParseLength(ReadOnlySequence<byte> line, byte type, bool allowAnyInteger)
    {
        Span<byte> scratch = stackalloc byte[24];
        if (line.Length > scratch.Length)
        {
            throw new RedisProtocolException($"Redis sent a '{(char)type}' header longer than a 64-bit integer.");
        }

        line.CopyTo(scratch);
        var text = scratch[..(int)line.Length];
        if (!Utf8Parser.TryParse(text, out long value, out var used) || used != text.Length)
        {
            throw new RedisProtocolException($"Redis sent a '{(char)type}' header that is not an integer.");
        }

        if (!allowAnyInteger && (value < -1 || value > MaxBulkLength))
        {
            throw new RedisProtocolException($"Redis sent a '{(char)type}' length of {value}.");
        }

        return value;
    }

    private static RedisReply Decode(byte[] bytes, ref int position)
    {
        var type = bytes[position++];
        var lineEnd = bytes.AsSpan(position).IndexOf("\r\n"u8) + position;
        var line = bytes.AsMemory(position, lineEnd - position);
        position = lineEnd + 2;
        switch (type)
        {
            case (byte)'+':
                return RedisReply.Simple(line);
            case (byte)'-':
                return RedisReply.Error(line);
            case (byte)':':
                Utf8Parser.TryParse(line.Span, out long integer, out _);
                return RedisReply.FromInteger(integer);
            case (byte)'$':
                Utf8Parser.TryParse(line.Span, out int length, out _);
                if (length < 0)
                {
                    return RedisReply.NullBulk();
                }

                var content = bytes.AsMemory(position, length);
                position += length + 2;
                return RedisReply.Bulk(content);
            default:
                Utf8Parser.TryParse(line.Span, out int count, out _);
                if (count < 0)
                {
                    return RedisReply.NullArray();
                }

                var items = count == 0 ? [] : new RedisReply[count];
                for (var i = 0; i < count; i++)
                {
                    items[i] = Decode(bytes, ref position);
                }

                return RedisReply.FromArray(items);
        }
    }
}
