using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using ArgoEvents.EventBus.Tls;

namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>Opens the byte stream to a server: TCP with no Nagle delay, then TLS when asked for.</summary>
internal static class RespTransport
{
    /// <summary>A reply line longer than this to the confirming PING is not Redis speaking.</summary>
    private const int ConfirmationLimit = 4096;

    public static async Task<Stream> OpenAsync(RedisOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new RedisConnectionException($"Could not connect to Redis at {options.Endpoint}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var network = new NetworkStream(socket, ownsSocket: true);
        if (!options.UseTls)
        {
            return network;
        }

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            try
            {
                await tls.AuthenticateAsClientAsync(TlsClientAuthentication.Create(options.TlsServerName ?? options.Host, options.TlsClientCertificate, options.TlsClientCertificateChain, options.TlsCaCertificates, options.TlsInsecureSkipVerify), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AuthenticationException or IOException)
            {
                throw new RedisConnectionException($"TLS handshake with Redis at {options.Endpoint} failed: {e.Message}", e);
            }

            if (tls.SslProtocol == SslProtocols.Tls13)
            {
                await ConfirmAcceptedAsync(tls, options, cancellationToken).ConfigureAwait(false);
            }

            return tls;
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Under TLS 1.3 the client's handshake completes before the server has judged the client certificate, and Redis
    /// refuses a missing or untrusted one by closing the connection, which would otherwise surface later as a bare
    /// reset or decryption failure on whichever command came first. One PING round trip (any reply line, even NOAUTH,
    /// means the server kept the session) turns that into a handshake failure that says what was refused.
    /// </summary>
    private static async Task ConfirmAcceptedAsync(SslStream tls, RedisOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await tls.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            await tls.FlushAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[256];
            for (var total = 0; ;)
            {
                var read = await tls.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("the server closed the connection");
                }

                if (buffer.AsSpan(0, read).Contains((byte)'\n'))
                {
                    return;
                }

                total += read;
                if (total > ConfirmationLimit)
                {
                    throw new RedisProtocolException(
                        $"Redis at {options.Endpoint} answered PING after the TLS handshake with over {ConfirmationLimit} bytes and no line end.");
                }
            }
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            var refused = options.TlsClientCertificate is { } certificate
                ? $"does not accept the client certificate '{certificate.Subject}' issued by '{certificate.Issuer}'"
                : "requires a client certificate and none was presented";
            throw new RedisConnectionException(
                $"TLS handshake with Redis at {options.Endpoint} failed: the server closed the connection right after the handshake ({Innermost(e).Message}), as Redis does when it {refused}.",
                e);
        }
    }

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is { } inner)
        {
            error = inner;
        }

        return error;
    }
}
