using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>Opens the byte stream to a server: TCP with no Nagle delay, then TLS when asked for.</summary>
internal static class RespTransport
{
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
            await tls.AuthenticateAsClientAsync(TlsOptions(options), cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new RedisConnectionException($"TLS handshake with Redis at {options.Endpoint} failed: {e.Message}", e);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SslClientAuthenticationOptions TlsOptions(RedisOptions options)
    {
        var tls = new SslClientAuthenticationOptions { TargetHost = options.TlsServerName ?? options.Host };
        if (options.TlsClientCertificate is not null)
        {
            tls.ClientCertificates = [options.TlsClientCertificate];
        }

        if (options.TlsInsecureSkipVerify)
        {
            tls.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (options.TlsCaCertificates is { Count: > 0 } authorities)
        {
            tls.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            tls.CertificateChainPolicy.CustomTrustStore.AddRange(authorities);
        }

        return tls;
    }
}
