using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace ArgoEvents.EventSources.Protocols.Resp;

/// <summary>Where and how to connect to a Redis server.</summary>
public sealed record RedisOptions
{
    /// <summary>Redis's default port.</summary>
    public const int DefaultPort = 6379;

    /// <summary>Host name or IP address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port (6379 by default).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>User for <c>AUTH user password</c> (Redis 6 ACL); null sends <c>AUTH password</c> for the default user.</summary>
    public string? UserName { get; init; }

    /// <summary>Password; null skips AUTH.</summary>
    public string? Password { get; init; }

    /// <summary>Logical database for <c>SELECT</c>; 0 (the default) sends nothing.</summary>
    public int Database { get; init; }

    /// <summary>Name set with <c>CLIENT SETNAME</c> (shown by CLIENT LIST); null sets none. Must not contain spaces.</summary>
    public string? ClientName { get; init; }

    /// <summary>Whether to speak TLS.</summary>
    public bool UseTls { get; init; }

    /// <summary>Accept any server certificate (Argo's <c>insecureSkipVerify</c>). For tests only.</summary>
    public bool TlsInsecureSkipVerify { get; init; }

    /// <summary>Certificate authorities the server certificate must chain to, instead of the system store.</summary>
    public X509Certificate2Collection? TlsCaCertificates { get; init; }

    /// <summary>Client certificate (with its private key) for servers that verify clients.</summary>
    public X509Certificate2? TlsClientCertificate { get; init; }

    /// <summary>
    /// Intermediate certificates sent after <see cref="TlsClientCertificate"/>, for a server that trusts only the root
    /// they chain to; null or empty sends the certificate alone.
    /// </summary>
    public X509Certificate2Collection? TlsClientCertificateChain { get; init; }

    /// <summary>Name the server certificate must carry; <see cref="Host"/> when null.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Limit on TCP connect, TLS handshake and the AUTH/SELECT/SETNAME exchange together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages a <see cref="RedisSubscriber"/> holds for a slow reader before it stops reading the socket.</summary>
    public int SubscriberBufferCapacity { get; init; } = 10_000;

    /// <summary>"host:port", for messages.</summary>
    public string Endpoint => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>
    /// Reads an address as Argo writes it (<c>hostAddress: "redis.argo-events.svc:6379"</c>) or a URL
    /// <c>redis://[user[:password]@]host[:port][/db]</c>; <c>rediss://</c> turns TLS on. Throws naming what is wrong.
    /// </summary>
    public static RedisOptions Parse(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (address.Contains("://", StringComparison.Ordinal))
        {
            return ParseUrl(address);
        }

        var colon = address.LastIndexOf(':');
        if (colon < 0 || address.EndsWith(']'))
        {
            return new RedisOptions { Host = address.Trim('[', ']') };
        }

        return new RedisOptions { Host = address[..colon].Trim('[', ']'), Port = ParsePort(address[(colon + 1)..], address) };
    }

    /// <summary>Checks the values that would otherwise fail late; throws naming the first bad one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("RedisOptions.Host is empty.");
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"RedisOptions.Port {Port} is outside 1..65535.");
        }

        if (Database < 0)
        {
            throw new ArgumentException($"RedisOptions.Database {Database} is negative.");
        }

        if (UserName is not null && Password is null)
        {
            throw new ArgumentException($"RedisOptions.UserName '{UserName}' is set without a Password; Redis AUTH needs both.");
        }

        if (ClientName is not null && (ClientName.Length == 0 || ClientName.Any(c => c <= ' ' || c > '~')))
        {
            throw new ArgumentException($"RedisOptions.ClientName '{ClientName}' must be non-empty printable ASCII without spaces (CLIENT SETNAME refuses it otherwise).");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"RedisOptions.ConnectTimeout {ConnectTimeout} is not positive.");
        }

        if (SubscriberBufferCapacity < 1)
        {
            throw new ArgumentException($"RedisOptions.SubscriberBufferCapacity {SubscriberBufferCapacity} is not positive.");
        }
    }

    private static RedisOptions ParseUrl(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            throw new FormatException($"Redis address '{address}' is not a valid URL.");
        }

        var tls = uri.Scheme switch
        {
            "redis" => false,
            "rediss" => true,
            _ => throw new FormatException($"Redis address '{address}' has scheme '{uri.Scheme}'; use redis:// or rediss://."),
        };
        string? user = null;
        string? password = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            var first = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                user = first.Length == 0 ? null : first;
                password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                password = first;
            }
        }

        var database = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && !int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database))
        {
            throw new FormatException($"Redis address '{address}' has path '/{path}'; only a database number may follow the host.");
        }

        return new RedisOptions
        {
            Host = uri.IdnHost,
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
            UseTls = tls,
            UserName = user,
            Password = password,
            Database = database,
        };
    }

    private static int ParsePort(string text, string address) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new FormatException($"Redis address '{address}' has port '{text}', which is not a number in 1..65535.");
}
