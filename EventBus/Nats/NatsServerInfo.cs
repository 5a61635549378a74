using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.Nats;

/// <summary>The server's INFO message: identity, limits and the cluster's client URLs.</summary>
public sealed class NatsServerInfo
{
    /// <summary>Unique id of the server process.</summary>
    [JsonPropertyName("server_id")] public string ServerId { get; init; } = "";

    /// <summary>Configured server name.</summary>
    [JsonPropertyName("server_name")] public string ServerName { get; init; } = "";

    /// <summary>Server version string, e.g. <c>2.9.10</c>.</summary>
    [JsonPropertyName("version")] public string Version { get; init; } = "";

    /// <summary>Protocol level.</summary>
    [JsonPropertyName("proto")] public int Protocol { get; init; }

    /// <summary>Host the server listens on.</summary>
    [JsonPropertyName("host")] public string Host { get; init; } = "";

    /// <summary>Client port.</summary>
    [JsonPropertyName("port")] public int Port { get; init; }

    /// <summary>Whether the server supports message headers.</summary>
    [JsonPropertyName("headers")] public bool Headers { get; init; }

    /// <summary>Largest message (headers plus payload) the server accepts.</summary>
    [JsonPropertyName("max_payload")] public long MaxPayload { get; init; } = 1024 * 1024;

    /// <summary>Whether the server requires authentication.</summary>
    [JsonPropertyName("auth_required")] public bool AuthRequired { get; init; }

    /// <summary>Whether the server requires TLS.</summary>
    [JsonPropertyName("tls_required")] public bool TlsRequired { get; init; }

    /// <summary>Whether JetStream is enabled on the server.</summary>
    [JsonPropertyName("jetstream")] public bool JetStream { get; init; }

    /// <summary>Id the server gave this client.</summary>
    [JsonPropertyName("client_id")] public ulong ClientId { get; init; }

    /// <summary>Address the server sees this client at.</summary>
    [JsonPropertyName("client_ip")] public string? ClientIp { get; init; }

    /// <summary>Cluster name, when clustered.</summary>
    [JsonPropertyName("cluster")] public string? Cluster { get; init; }

    /// <summary>JetStream domain, when set.</summary>
    [JsonPropertyName("domain")] public string? Domain { get; init; }

    /// <summary>Client URLs (<c>host:port</c>) of every server in the cluster.</summary>
    [JsonPropertyName("connect_urls")] public string[]? ConnectUrls { get; init; }

    /// <summary>True when the server entered lame duck mode and is about to close its clients.</summary>
    [JsonPropertyName("ldm")] public bool LameDuckMode { get; init; }

    /// <summary>The version as a comparable value; 0.0.0 when it does not parse.</summary>
    [JsonIgnore]
    public Version ServerVersion => ParseVersion(Version);

    /// <summary>Whether the server is at least the given version.</summary>
    public bool IsAtLeast(int major, int minor, int patch = 0) => ServerVersion >= new Version(major, minor, patch);

    private static Version ParseVersion(string text)
    {
        var core = text.AsSpan();
        var cut = core.IndexOfAny('-', '+');
        if (cut >= 0)
        {
            core = core[..cut];
        }

        return System.Version.TryParse(core, out var v) ? v : new Version(0, 0, 0);
    }
}
