using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// Incremental parser of the server-to-client protocol. It consumes whole operations from the front of a buffer
/// and leaves a partial one for the next read, so the caller can feed it socket reads of any size.
/// </summary>
internal static class ProtocolParser
{
    /// <summary>Longest control line the server may send (its <c>max_control_line</c>).</summary>
    public const int MaxControlLine = 4096;

    // INFO lines carry the cluster's URL list and can exceed the control-line limit of client commands.
    private const int MaxInfoLine = 1024 * 1024;

    /// <summary>Parses every complete operation at the front of <paramref name="buffer"/> and slices them off.</summary>
    public static void ParseAll(ref ReadOnlySequence<byte> buffer, IProtocolHandler handler)
    {
        while (TryParseOne(ref buffer, handler))
        {
        }
    }

    /// <summary>Parses one operation; false when the buffer does not hold a complete one yet.</summary>
    public static bool TryParseOne(ref ReadOnlySequence<byte> buffer, IProtocolHandler handler)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            if (buffer.Length > MaxInfoLine)
            {
                throw new NatsProtocolException($"The server sent a control line longer than {MaxInfoLine} bytes.");
            }

            return false;
        }

        var lineSequence = buffer.Slice(0, newline.Value);
        var afterLine = buffer.Slice(buffer.GetPosition(1, newline.Value));
        var lineLength = (int)lineSequence.Length;
        byte[]? rented = null;
        try
        {
            ReadOnlySpan<byte> line;
            if (lineSequence.IsSingleSegment)
            {
                line = lineSequence.FirstSpan;
            }
            else
            {
                rented = ArrayPool<byte>.Shared.Rent(lineLength);
                lineSequence.CopyTo(rented);
                line = rented.AsSpan(0, lineLength);
            }

            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            return Dispatch(line, ref buffer, afterLine, handler);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool Dispatch(ReadOnlySpan<byte> line, ref ReadOnlySequence<byte> buffer, ReadOnlySequence<byte> afterLine, IProtocolHandler handler)
    {
        if (line.Length < 2)
        {
            throw Unknown(line);
        }

        switch (line[0] | 0x20)
        {
            case 'm' when StartsWithOp(line, "MSG"u8):
                return ParseMsg(line[4..], ref buffer, afterLine, handler, withHeaders: false);
            case 'h' when StartsWithOp(line, "HMSG"u8):
                return ParseMsg(line[5..], ref buffer, afterLine, handler, withHeaders: true);
            case 'p' when EqualsOp(line, "PING"u8):
                buffer = afterLine;
                handler.OnPing();
                return true;
            case 'p' when EqualsOp(line, "PONG"u8):
                buffer = afterLine;
                handler.OnPong();
                return true;
            case 'i' when StartsWithOp(line, "INFO"u8):
                buffer = afterLine;
                handler.OnInfo(line[5..].TrimStart((byte)' '));
                return true;
            case '+' when EqualsOp(line, "+OK"u8):
                buffer = afterLine;
                return true;
            case '-' when StartsWithOp(line, "-ERR"u8):
                buffer = afterLine;
                handler.OnError(Encoding.UTF8.GetString(line[4..].Trim((byte)' ').Trim((byte)'\'')));
                return true;
            default:
                throw Unknown(line);
        }
    }

    private static bool ParseMsg(ReadOnlySpan<byte> args, ref ReadOnlySequence<byte> buffer, ReadOnlySequence<byte> afterLine, IProtocolHandler handler, bool withHeaders)
    {
        Span<Range> tokens = stackalloc Range[6];
        var count = Tokenize(args, tokens);
        var expected = withHeaders ? 4 : 3;
        if (count != expected && count != expected + 1)
        {
            throw new NatsProtocolException($"Malformed {(withHeaders ? "HMSG" : "MSG")} line: '{Encoding.UTF8.GetString(args)}'.");
        }

        var subject = args[tokens[0]];
        var sid = ParseNumber(args[tokens[1]], "sid");
        var hasReply = count == expected + 1;
        var replyTo = hasReply ? args[tokens[2]] : default;
        var sizeIndex = hasReply ? 3 : 2;
        var headerSize = withHeaders ? ParseNumber(args[tokens[sizeIndex]], "header size") : 0;
        var totalSize = ParseNumber(args[tokens[withHeaders ? sizeIndex + 1 : sizeIndex]], "size");
        if (headerSize > totalSize)
        {
            throw new NatsProtocolException($"HMSG header size {headerSize} exceeds its total size {totalSize}.");
        }

        if (afterLine.Length < totalSize + 2)
        {
            return false;
        }

        var headers = afterLine.Slice(0, headerSize);
        var payload = afterLine.Slice(headerSize, totalSize - headerSize);
        buffer = afterLine.Slice(totalSize + 2);
        handler.OnMessage(subject, sid, replyTo, headers, payload);
        return true;
    }

    private static int Tokenize(ReadOnlySpan<byte> text, Span<Range> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == (byte)' ' || text[i] == (byte)'\t'))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var start = i;
            while (i < text.Length && text[i] != (byte)' ' && text[i] != (byte)'\t')
            {
                i++;
            }

            if (count == tokens.Length)
            {
                return tokens.Length + 1;
            }

            tokens[count++] = new Range(start, i);
        }

        return count;
    }

    private static long ParseNumber(ReadOnlySpan<byte> text, string what)
    {
        if (!Utf8Parser.TryParse(text, out long value, out var consumed) || consumed != text.Length || value < 0)
        {
            throw new NatsProtocolException($"The {what} '{Encoding.UTF8.GetString(text)}' is not a non-negative number.");
        }

        return value;
    }

    private static bool StartsWithOp(ReadOnlySpan<byte> line, ReadOnlySpan<byte> op)
        => line.Length > op.Length && (line[op.Length] == (byte)' ' || line[op.Length] == (byte)'\t') && EqualsIgnoreCase(line[..op.Length], op);

    private static bool EqualsOp(ReadOnlySpan<byte> line, ReadOnlySpan<byte> op)
        => line.Length == op.Length && EqualsIgnoreCase(line, op);

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if ((a[i] | 0x20) != (b[i] | 0x20))
            {
                return false;
            }
        }

        return true;
    }

    private static NatsProtocolException Unknown(ReadOnlySpan<byte> line)
        => new($"Unknown protocol operation from the server: '{Encoding.UTF8.GetString(line[..Math.Min(line.Length, 64)])}'.");
}
