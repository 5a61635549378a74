using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ArgoEvents.Bench.EventSources;

/// <summary>
/// One keep-alive HTTP/1.1 connection to a loopback port that sends one request at a time and reads the status,
/// Content-Length or chunked body. It costs a fraction of HttpClient's CPU, which matters when the load generator
/// shares two cores with the service and three nats-servers, as wrk-style tools do.
/// </summary>
public sealed class LoopbackHttpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    private LoopbackHttpConnection(Socket socket) => _socket = socket;

    public static async Task<LoopbackHttpConnection> OpenAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new LoopbackHttpConnection(socket);
    }

    /// <summary>Sends a complete request and returns the response status; throws <see cref="IOException"/> when the server closes.</summary>
    public async Task<int> SendAsync(ReadOnlyMemory<byte> request)
    {
        await _socket.SendAsync(request, SocketFlags.None);
        var headerEnd = await ReadUntilAsync("\r\n\r\n"u8.ToArray());
        var head = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
        _start = headerEnd + 4;
        var status = int.Parse(head.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (Header(head, "content-length") is { } length)
        {
            await SkipAsync(int.Parse(length, System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (Header(head, "transfer-encoding") is { } encoding && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            await SkipChunksAsync();
        }

        return status;
    }

    public void Dispose() => _socket.Dispose();

    private static string? Header(string head, string name)
    {
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    private async Task SkipChunksAsync()
    {
        while (true)
        {
            var lineEnd = await ReadUntilAsync("\r\n"u8.ToArray());
            var sizeText = _buffer.AsSpan(_start, lineEnd - _start);
            var semicolon = sizeText.IndexOf((byte)';');
            if (!Utf8Parser.TryParse(semicolon >= 0 ? sizeText[..semicolon] : sizeText, out int size, out _, 'x'))
            {
                throw new IOException("Malformed chunk size.");
            }

            _start = lineEnd + 2;
            await SkipAsync(size + 2);
            if (size == 0)
            {
                return;
            }
        }
    }

    private async Task SkipAsync(int count)
    {
        while (_end - _start < count)
        {
            count -= _end - _start;
            _start = _end = 0;
            await FillAsync();
        }

        _start += count;
    }

    private async Task<int> ReadUntilAsync(byte[] delimiter)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start, _end - _start).IndexOf(delimiter);
            if (found >= 0)
            {
                return _start + found;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            await FillAsync();
        }
    }

    private async Task FillAsync()
    {
        if (_end == _buffer.Length)
        {
            throw new IOException("Response header larger than the buffer.");
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
        if (read == 0)
        {
            throw new IOException("The server closed the connection.");
        }

        _end += read;
    }
}
