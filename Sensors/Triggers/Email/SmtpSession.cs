using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace ArgoEvents.Sensors.Triggers.Email;

/// <summary>
/// One SMTP conversation (RFC 5321) over TCP: greeting, EHLO, STARTTLS when the server offers it (or TLS from the first
/// byte on port 465), AUTH PLAIN or LOGIN, mail transactions with dot-stuffed DATA, and QUIT.
/// </summary>
internal sealed class SmtpSession : IAsyncDisposable
{
    /// <summary>The SMTPS port, where TLS starts before the greeting.</summary>
    public const int ImplicitTlsPort = 465;

    private readonly TcpClient _tcp;
    private readonly string _host;
    private readonly RemoteCertificateValidationCallback? _certificateValidation;
    private Stream _stream;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;
    private HashSet<string> _extensions = new(StringComparer.OrdinalIgnoreCase);
    private string[] _authMechanisms = [];

    private SmtpSession(TcpClient tcp, Stream stream, string host, RemoteCertificateValidationCallback? certificateValidation)
    {
        _tcp = tcp;
        _stream = stream;
        _host = host;
        _certificateValidation = certificateValidation;
    }

    /// <summary>Whether the connection is encrypted.</summary>
    public bool IsEncrypted => _stream is SslStream;

    /// <summary>
    /// Connects to <paramref name="host"/>:<paramref name="port"/>, reads the greeting, says EHLO and upgrades to TLS
    /// when the server offers STARTTLS. <paramref name="certificateValidation"/> replaces the system's check (tests).
    /// </summary>
    public static async Task<SmtpSession> OpenAsync(string host, int port, RemoteCertificateValidationCallback? certificateValidation, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        SmtpSession? session = null;
        try
        {
            await tcp.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            session = new SmtpSession(tcp, stream, host, certificateValidation);
            if (port == ImplicitTlsPort)
            {
                await session.UpgradeAsync(cancellationToken).ConfigureAwait(false);
            }

            var greeting = await session.ReadReplyAsync(cancellationToken).ConfigureAwait(false);
            if (greeting.Code != 220)
            {
                throw new SmtpException($"the server at {host}:{port} did not greet: {greeting}");
            }

            await session.HelloAsync(cancellationToken).ConfigureAwait(false);
            if (!session.IsEncrypted && session._extensions.Contains("STARTTLS"))
            {
                var reply = await session.CommandAsync("STARTTLS", cancellationToken).ConfigureAwait(false);
                if (reply.Code != 220)
                {
                    throw new SmtpException($"STARTTLS was refused: {reply}");
                }

                await session.UpgradeAsync(cancellationToken).ConfigureAwait(false);
                await session.HelloAsync(cancellationToken).ConfigureAwait(false);
            }

            return session;
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException)
        {
            await DisposeQuietlyAsync(session, tcp).ConfigureAwait(false);
            throw new SmtpException($"the conversation with {host}:{port} failed: {e.Message}", e);
        }
        catch
        {
            await DisposeQuietlyAsync(session, tcp).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Authenticates with AUTH PLAIN, or LOGIN when the server offers only that. Credentials only travel encrypted,
    /// except to a loopback server, the rule Go's SMTP client applies.
    /// </summary>
    public async Task AuthenticateAsync(string username, string password, CancellationToken cancellationToken)
    {
        if (_authMechanisms.Length == 0)
        {
            throw new SmtpException($"a username is set, but the server at {_host} offers no AUTH mechanism.");
        }

        if (!IsEncrypted && !IsLoopback(_host))
        {
            throw new SmtpException($"refusing to send credentials to {_host} over an unencrypted connection: the server offered no STARTTLS (use port 465 for SMTPS).");
        }

        SmtpReply reply;
        if (_authMechanisms.Contains("PLAIN", StringComparer.OrdinalIgnoreCase))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + username + "\0" + password));
            reply = await CommandAsync("AUTH PLAIN " + token, cancellationToken).ConfigureAwait(false);
        }
        else if (_authMechanisms.Contains("LOGIN", StringComparer.OrdinalIgnoreCase))
        {
            reply = await CommandAsync("AUTH LOGIN", cancellationToken).ConfigureAwait(false);
            if (reply.Code == 334)
            {
                reply = await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(username)), cancellationToken).ConfigureAwait(false);
            }

            if (reply.Code == 334)
            {
                reply = await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            throw new SmtpException($"the server at {_host} offers AUTH {string.Join(' ', _authMechanisms)}; this client speaks PLAIN and LOGIN.");
        }

        if (reply.Code != 235)
        {
            throw new SmtpException($"authentication as '{username}' failed: {reply}");
        }
    }

    /// <summary>
    /// Sends one message to one recipient. A refusal of the transaction resets it (RSET) and is thrown with
    /// <see cref="SmtpException.ConnectionUsable"/> set, so the next recipient can still be tried.
    /// </summary>
    public async Task SendAsync(string from, string to, byte[] message, CancellationToken cancellationToken)
    {
        await ExpectAsync("MAIL FROM:<" + from + ">", 250, "MAIL FROM:<" + from + ">", cancellationToken).ConfigureAwait(false);
        await ExpectAsync("RCPT TO:<" + to + ">", 250, "RCPT TO:<" + to + ">", cancellationToken, alsoAccepted: 251).ConfigureAwait(false);
        await ExpectAsync("DATA", 354, "DATA", cancellationToken).ConfigureAwait(false);
        await WriteDotStuffedAsync(message, cancellationToken).ConfigureAwait(false);
        var reply = await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
        if (reply.Code != 250)
        {
            throw new SmtpException($"the server refused the message: {reply}") { ConnectionUsable = true };
        }
    }

    /// <summary>Ends the conversation politely.</summary>
    public async Task QuitAsync(CancellationToken cancellationToken) =>
        await CommandAsync("QUIT", cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private static async Task DisposeQuietlyAsync(SmtpSession? session, TcpClient tcp)
    {
        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            tcp.Dispose();
        }
    }

    private async Task ExpectAsync(string command, int expected, string shown, CancellationToken cancellationToken, int alsoAccepted = 0)
    {
        var reply = await CommandAsync(command, cancellationToken).ConfigureAwait(false);
        if (reply.Code == expected || (alsoAccepted != 0 && reply.Code == alsoAccepted))
        {
            return;
        }

        var reset = await CommandAsync("RSET", cancellationToken).ConfigureAwait(false);
        throw new SmtpException($"the server refused {shown}: {reply}") { ConnectionUsable = reset.Code == 250 };
    }

    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        var name = Dns.GetHostName();
        var reply = await CommandAsync("EHLO " + name, cancellationToken).ConfigureAwait(false);
        var extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string[] auth = [];
        if (reply.Code == 250)
        {
            // The first line is the server's greeting; each further line names one extension and its parameters.
            foreach (var line in reply.Lines.Skip(1))
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    continue;
                }

                extensions.Add(words[0]);
                if (words[0].Equals("AUTH", StringComparison.OrdinalIgnoreCase))
                {
                    auth = words[1..];
                }
            }
        }
        else
        {
            reply = await CommandAsync("HELO " + name, cancellationToken).ConfigureAwait(false);
            if (reply.Code != 250)
            {
                throw new SmtpException($"the server refused EHLO and HELO: {reply}");
            }
        }

        _extensions = extensions;
        _authMechanisms = auth;
    }

    private async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions { TargetHost = _host, RemoteCertificateValidationCallback = _certificateValidation };
        await ssl.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
        _stream = ssl;
        _start = _end = 0;
    }

    private async Task<SmtpReply> CommandAsync(string command, CancellationToken cancellationToken)
    {
        if (command.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new SmtpException("an SMTP command may not contain a line break (check the addresses).");
        }

        await _stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteDotStuffedAsync(byte[] message, CancellationToken cancellationToken)
    {
        using var data = new MemoryStream(message.Length + 64);
        var lineStart = true;
        foreach (var b in message)
        {
            if (lineStart && b == (byte)'.')
            {
                data.WriteByte((byte)'.');
            }

            data.WriteByte(b);
            lineStart = b == (byte)'\n';
        }

        if (!lineStart)
        {
            data.Write("\r\n"u8);
        }

        data.Write(".\r\n"u8);
        await _stream.WriteAsync(data.GetBuffer().AsMemory(0, (int)data.Length), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SmtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                throw new SmtpException($"the server answered something that is not an SMTP reply: '{line}'");
            }

            lines.Add(line.Length > 4 ? line[4..] : string.Empty);
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpReply(code, lines);
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == (byte)'\r')
                {
                    length--;
                }

                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= 64 * 1024)
                {
                    throw new SmtpException("the server sent a reply line longer than 64 KiB.");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new SmtpException("the server closed the connection.");
            }

            _end += read;
        }
    }
}
