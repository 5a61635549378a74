using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using ArgoEvents.EventBus.Tls;

namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>Opens the byte stream to a broker: TCP, and TLS on top when the URL or the options ask for it.</summary>
internal static class MqttTransport
{
    public static async Task<(Socket Socket, Stream Stream)> OpenAsync(MqttBrokerAddress address, MqttTlsOptions? tls, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(address.Host, address.Port, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: false);
            if (address.Tls || tls is not null)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(ClientOptions(address, tls ?? new MqttTlsOptions()), cancellationToken).ConfigureAwait(false);
            }

            return (socket, stream);
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException)
        {
            Close(socket, stream);
            var what = e is AuthenticationException ? "the TLS handshake failed" : "the connection failed";
            throw new MqttConnectionException($"Connecting to the MQTT broker {address}: {what}: {e.Message}", e);
        }
        catch
        {
            Close(socket, stream);
            throw;
        }
    }

    private static SslClientAuthenticationOptions ClientOptions(MqttBrokerAddress address, MqttTlsOptions tls) =>
        TlsClientAuthentication.Create(tls.ServerName ?? address.Host, tls.ClientCertificate, tls.ClientCertificateChain, tls.CertificateAuthorities, tls.InsecureSkipVerify);

    private static void Close(Socket socket, Stream? stream)
    {
        stream?.Dispose();
        socket.Dispose();
    }
}
