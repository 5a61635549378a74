using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ArgoEvents.EventBus.Tests.Infrastructure;

/// <summary>
/// Just enough of the NATS text protocol over a bare socket to check the test servers from outside,
/// independent of the project's own client.
/// </summary>
internal sealed class RawNatsSocket : IAsyncDisposable
{
    /// <summary>CONNECT options of an anonymous client that wants no +OK acknowledgements.</summary>
    public const string PlainConnect = """{"verbose":false,"pedantic":false,"protocol":1}""";

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private int _nextSid = 1;

    private RawNatsSocket(Socket socket)
    {
        _socket = socket;
    }

    /// <summary>The INFO line the server greeted with.</summary>
    public string Info { get; private set; } = "";

    public static async Task<RawNatsSocket> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var raw = new RawNatsSocket(socket);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            raw.Info = await raw.ReadLineAsync(cancellationToken) ?? throw new IOException("closed before INFO");
            return raw;
        }
        catch
        {
            await raw.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends CONNECT with <paramref name="connectJson"/> and PING; returns "PONG" or the "-ERR ..." line.</summary>
    public async Task<string> HandshakeAsync(string connectJson, CancellationToken cancellationToken)
    {
        await WriteAsync($"CONNECT {connectJson}\r\nPING\r\n", cancellationToken);
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken) ?? throw new IOException("closed during handshake");
            if (line == "PONG" || line.StartsWith("-ERR", StringComparison.Ordinal))
            {
                return line;
            }

            await AnswerPingAsync(line, cancellationToken);
        }
    }

    /// <summary>Request/reply through a one-shot inbox; returns the reply payload as text.</summary>
    public async Task<string> RequestAsync(string subject, string payload, CancellationToken cancellationToken)
    {
        var sid = _nextSid++;
        var inbox = $"_INBOX.raw.{Guid.NewGuid():N}";
        var body = Encoding.UTF8.GetBytes(payload);
        await WriteAsync($"SUB {inbox} {sid}\r\nPUB {subject} {inbox} {body.Length}\r\n{payload}\r\n", cancellationToken);
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken) ?? throw new IOException($"closed while waiting for the reply to {subject}");
            var parts = line.Split(' ');
            if (parts[0] == "MSG" && parts[1] == inbox)
            {
                var size = int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
                var reply = await ReadExactlyAsync(size + 2, cancellationToken);
                await WriteAsync($"UNSUB {sid}\r\n", cancellationToken);
                return Encoding.UTF8.GetString(reply, 0, size);
            }

            if (line.StartsWith("-ERR", StringComparison.Ordinal))
            {
                throw new IOException($"server refused the request to {subject}: {line}");
            }

            await AnswerPingAsync(line, cancellationToken);
        }
    }

    /// <summary>
    /// Opens a socket, completes the handshake and creates a file stream <paramref name="name"/> with subjects
    /// "name.&gt;" (lowercase) over <c>$JS.API.STREAM.CREATE</c>; returns the server's answer, failing on an error answer.
    /// </summary>
    public static async Task<JsonElement> CreateStreamAsync(int port, string name, int replicas, CancellationToken cancellationToken)
    {
        await using var socket = await ConnectAsync(port, cancellationToken);
        var handshake = await socket.HandshakeAsync(PlainConnect, cancellationToken);
        if (handshake != "PONG")
        {
            throw new IOException($"handshake with port {port} failed: {handshake}");
        }

        var config = $$"""{"name":"{{name}}","subjects":["{{name.ToLowerInvariant()}}.>"],"storage":"file","num_replicas":{{replicas}}}""";
        var reply = JsonDocument.Parse(await socket.RequestAsync($"$JS.API.STREAM.CREATE.{name}", config, cancellationToken)).RootElement;
        return reply.TryGetProperty("error", out var error)
            ? throw new IOException($"stream create of {name} failed: {error}")
            : reply;
    }

    /// <summary>Reads the next protocol line (without CRLF); null when the server closed the connection.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                _start = newline + 1;
                return line;
            }

            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AnswerPingAsync(string line, CancellationToken cancellationToken)
    {
        if (line == "PING")
        {
            await WriteAsync("PONG\r\n", cancellationToken);
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (!await FillAsync(cancellationToken))
            {
                throw new IOException("closed in the middle of a message");
            }
        }

        var bytes = _buffer.AsSpan(_start, count).ToArray();
        _start += count;
        return bytes;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new IOException("a protocol line or message is larger than the 64 KiB test buffer");
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        _end += read;
        return read > 0;
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
    }
}
