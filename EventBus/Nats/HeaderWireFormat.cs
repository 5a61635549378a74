using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace ArgoEvents.EventBus.Nats;

/// <summary>The NATS/1.0 header block: writing it for HPUB and reading it from HMSG.</summary>
internal static class HeaderWireFormat
{
    private static ReadOnlySpan<byte> Version => "NATS/1.0"u8;

    /// <summary>Bytes the block takes on the wire, including the final blank line.</summary>
    public static int GetLength(NatsHeaders headers)
    {
        var length = Version.Length + 2;
        if (headers.Status != 0)
        {
            length += 4;
            if (headers.StatusDescription is { Length: > 0 } d)
            {
                length += 1 + Encoding.UTF8.GetByteCount(d);
            }
        }

        foreach (var (name, value) in headers.Entries)
        {
            length += name.Length + 2 + Encoding.UTF8.GetByteCount(value) + 2;
        }

        return length + 2;
    }

    /// <summary>Writes the block into <paramref name="destination"/>, which must hold <see cref="GetLength"/> bytes.</summary>
    public static int Write(NatsHeaders headers, Span<byte> destination)
    {
        var start = destination.Length;
        Version.CopyTo(destination);
        destination = destination[Version.Length..];
        if (headers.Status != 0)
        {
            destination[0] = (byte)' ';
            Utf8Formatter.TryFormat(headers.Status, destination[1..], out _, new StandardFormat('D', 3));
            destination = destination[4..];
            if (headers.StatusDescription is { Length: > 0 } d)
            {
                destination[0] = (byte)' ';
                destination = destination[(1 + Encoding.UTF8.GetBytes(d, destination[1..]))..];
            }
        }

        destination = WriteCrLf(destination);
        foreach (var (name, value) in headers.Entries)
        {
            destination = destination[Encoding.ASCII.GetBytes(name, destination)..];
            destination[0] = (byte)':';
            destination[1] = (byte)' ';
            destination = destination[2..];
            destination = destination[Encoding.UTF8.GetBytes(value, destination)..];
            destination = WriteCrLf(destination);
        }

        destination = WriteCrLf(destination);
        return start - destination.Length;
    }

    /// <summary>Parses a complete header block (from <c>NATS/1.0</c> to the blank line).</summary>
    public static NatsHeaders Parse(ReadOnlySpan<byte> block)
    {
        var lineEnd = block.IndexOf("\r\n"u8);
        if (lineEnd < 0 || !block.StartsWith(Version))
        {
            throw new NatsProtocolException("A message header block does not start with 'NATS/1.0'.");
        }

        var headers = new NatsHeaders();
        var statusLine = block[Version.Length..lineEnd].Trim((byte)' ');
        if (statusLine.Length >= 3)
        {
            if (!Utf8Parser.TryParse(statusLine[..3], out int status, out var consumed) || consumed != 3)
            {
                throw new NatsProtocolException($"The header status '{Encoding.ASCII.GetString(statusLine)}' is not a 3-digit code.");
            }

            headers.Status = status;
            var description = statusLine[3..].Trim((byte)' ');
            if (description.Length > 0)
            {
                headers.StatusDescription = Encoding.UTF8.GetString(description);
            }
        }

        var rest = block[(lineEnd + 2)..];
        while (true)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            if (lineEnd <= 0)
            {
                break;
            }

            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw new NatsProtocolException($"The header line '{Encoding.UTF8.GetString(line)}' has no name.");
            }

            headers.AddParsed(Encoding.ASCII.GetString(line[..colon].Trim((byte)' ')), Encoding.UTF8.GetString(line[(colon + 1)..].Trim((byte)' ')));
        }

        return headers;
    }

    private static Span<byte> WriteCrLf(Span<byte> destination)
    {
        destination[0] = (byte)'\r';
        destination[1] = (byte)'\n';
        return destination[2..];
    }
}
