using System.Globalization;

namespace ArgoEvents.EventSources.Protocols.Mqtt;

/// <summary>
/// A broker URL as Argo's mqtt <c>url</c> gives it to the Paho client: <c>tcp://</c> or <c>mqtt://</c> for plain TCP
/// (default port 1883), <c>ssl://</c>, <c>tls://</c> or <c>mqtts://</c> for TLS (default port 8883). WebSocket URLs
/// (<c>ws://</c>, <c>wss://</c>) are refused: this client speaks MQTT over TCP only.
/// </summary>
public sealed record MqttBrokerAddress(string Host, int Port, bool Tls)
{
    /// <summary>Default port of plain MQTT.</summary>
    public const int DefaultPort = 1883;

    /// <summary>Default port of MQTT over TLS.</summary>
    public const int DefaultTlsPort = 8883;

    /// <summary>Parses <paramref name="url"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static MqttBrokerAddress Parse(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!url.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new FormatException($"MQTT broker url '{url}' is not a URL of the form tcp://host:port or ssl://host:port.");
        }

        bool tls;
        switch (uri.Scheme.ToLowerInvariant())
        {
            case "tcp" or "mqtt":
                tls = false;
                break;
            case "ssl" or "tls" or "mqtts":
                tls = true;
                break;
            case "ws" or "wss":
                throw new FormatException($"MQTT broker url '{url}': MQTT over WebSocket ({uri.Scheme}://) is not supported; use tcp:// or ssl://.");
            default:
                throw new FormatException($"MQTT broker url '{url}' has the scheme '{uri.Scheme}'; expected tcp, mqtt, ssl, tls or mqtts.");
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"MQTT broker url '{url}' has no host.");
        }

        if (uri.AbsolutePath is not ("" or "/") || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new FormatException($"MQTT broker url '{url}' must be only scheme, host and port (no path, query or user info; credentials go in auth).");
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? DefaultTlsPort : DefaultPort) : uri.Port;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        return new MqttBrokerAddress(host, port, tls);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return string.Create(CultureInfo.InvariantCulture, $"{(Tls ? "ssl" : "tcp")}://{host}:{Port}");
    }
}
