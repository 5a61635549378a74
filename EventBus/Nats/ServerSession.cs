using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using ArgoEvents.EventBus.Tls;

namespace ArgoEvents.EventBus.Nats;

/// <summary>
/// One socket to one server: the handshake (INFO, optional TLS, CONNECT, PING/PONG) and the read loop.
/// A session is used once; reconnecting makes a new one.
/// </summary>
internal sealed class ServerSession : IDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly PipeReader _reader;

    private ServerSession(NatsServerAddress address, Socket socket, Stream stream, PipeReader reader, NatsServerInfo info)
    {
        Address = address;
        _socket = socket;
        Stream = stream;
        _reader = reader;
        Info = info;
    }

    public NatsServerAddress Address { get; }

    public NatsServerInfo Info { get; }

    public Stream Stream { get; }

    public CancellationToken Lifetime => _lifetime.Token;

    public static async Task<ServerSession> ConnectAsync(NatsServerAddress address, NatsOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(address.Host, address.Port, timeout.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: false);
            var reader = CreateReader(stream);
            var handshake = new HandshakeHandler();
            await ReadUntilAsync(reader, handshake, static h => h.Info is not null, timeout.Token).ConfigureAwait(false);
            var info = handshake.Info!;

            var useTls = info.TlsRequired || address.Tls || options.TlsRequired;
            if (useTls)
            {
                await reader.CompleteAsync().ConfigureAwait(false);
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(TlsClientAuthentication.Create(address.Host, options.TlsClientCertificate, options.TlsClientCertificateChain, options.TlsCaCertificates, options.TlsInsecureSkipVerify), timeout.Token).ConfigureAwait(false);
                reader = CreateReader(stream);
            }

            var connect = new ConnectCommand
            {
                TlsRequired = useTls,
                AuthToken = address.Token ?? options.Token,
                User = address.User ?? options.User,
                Pass = address.User is not null ? address.Password : options.Password,
                Name = options.Name,
                Echo = options.Echo,
            };
            var json = JsonSerializer.SerializeToUtf8Bytes(connect, NatsJsonContext.Default.ConnectCommand);
            var command = new byte[8 + json.Length + 8];
            "CONNECT "u8.CopyTo(command);
            json.CopyTo(command, 8);
            "\r\nPING\r\n"u8.CopyTo(command.AsSpan(8 + json.Length));
            try
            {
                await stream.WriteAsync(command, timeout.Token).ConfigureAwait(false);
                await stream.FlushAsync(timeout.Token).ConfigureAwait(false);
                await ReadUntilAsync(reader, handshake, static h => h.Ponged || h.Error is not null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (useTls && handshake.Error is null && e is IOException or AuthenticationException or NatsConnectionException)
            {
                throw new NatsConnectionException($"Connecting to {address} failed right after the TLS handshake ({Innermost(e).Message}); {ClientCertificateHint(options)}.", e);
            }

            if (handshake.Error is { } error)
            {
                throw error.Contains("Authorization", StringComparison.OrdinalIgnoreCase)
                    ? new NatsAuthorizationException($"The server {address} refused the credentials: {error}.")
                    : new NatsConnectionException($"The server {address} refused the connection: {error}.");
            }

            return new ServerSession(address, socket, stream, reader, handshake.Info!);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Close(socket, stream);
            throw new NatsConnectionException($"Connecting to {address} did not complete within {options.ConnectTimeout.TotalMilliseconds:0} ms.");
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException)
        {
            Close(socket, stream);
            throw new NatsConnectionException($"Connecting to {address} failed: {e.Message}", e);
        }
        catch
        {
            Close(socket, stream);
            throw;
        }
    }

    /// <summary>Reads and dispatches until the server closes the socket or the session is aborted.</summary>
    public async Task ReadLoopAsync(IProtocolHandler handler)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(_lifetime.Token).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                ProtocolParser.ParseAll(ref buffer, handler);
            }
            finally
            {
                _reader.AdvanceTo(buffer.Start, buffer.End);
            }

            if (result.IsCompleted)
            {
                throw new NatsConnectionException($"The server {Address} closed the connection.");
            }
        }
    }

    public void Abort()
    {
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        _socket.Dispose();
    }

    public void Dispose()
    {
        Abort();
        Stream.Dispose();
        _reader.Complete();
        _lifetime.Dispose();
    }

    /// <summary>
    /// Under TLS 1.3 the client's handshake completes before nats-server (<c>verify: true</c>) has judged the client
    /// certificate; a refusal then surfaces only as a closed connection or an alert on the first read.
    /// </summary>
    private static string ClientCertificateHint(NatsOptions options) => options.TlsClientCertificate is { } certificate
        ? $"the server may have refused the client certificate '{certificate.Subject}' issued by '{certificate.Issuer}'"
        : "the server may require a client certificate (nats-server tls verify) and none was presented";

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is { } inner)
        {
            error = inner;
        }

        return error;
    }

    private static PipeReader CreateReader(Stream stream)
        => PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));

    private static async Task ReadUntilAsync(PipeReader reader, HandshakeHandler handler, Func<HandshakeHandler, bool> done, CancellationToken cancellationToken)
    {
        while (!done(handler))
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            try
            {
                while (!done(handler) && ProtocolParser.TryParseOne(ref buffer, handler))
                {
                }
            }
            finally
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
            }

            if (!done(handler) && result.IsCompleted)
            {
                throw new NatsConnectionException(handler.Error is { } e ? $"The server closed the connection during the handshake: {e}." : "The server closed the connection during the handshake.");
            }
        }
    }

    private static void Close(Socket socket, Stream? stream)
    {
        stream?.Dispose();
        socket.Dispose();
    }

    /// <summary>Collects what the server says before the connection is established.</summary>
    private sealed class HandshakeHandler : IProtocolHandler
    {
        public NatsServerInfo? Info { get; private set; }

        public bool Ponged { get; private set; }

        public string? Error { get; private set; }

        public void OnMessage(ReadOnlySpan<byte> subject, long sid, ReadOnlySpan<byte> replyTo, in ReadOnlySequence<byte> headers, in ReadOnlySequence<byte> payload)
            => throw new NatsProtocolException($"The server sent a message on '{Encoding.UTF8.GetString(subject)}' before the connection was established.");

        public void OnPing()
        {
            // The server pings on its own interval (minutes), never inside the few milliseconds of a handshake.
        }

        public void OnPong() => Ponged = true;

        public void OnInfo(ReadOnlySpan<byte> json) => Info = JsonSerializer.Deserialize(json, NatsJsonContext.Default.NatsServerInfo)
            ?? throw new NatsProtocolException("The server sent an empty INFO.");

        public void OnError(string message) => Error = message;
    }
}
