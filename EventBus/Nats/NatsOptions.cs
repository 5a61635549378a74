using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArgoEvents.EventBus.Nats;

/// <summary>Settings of a <see cref="NatsConnection"/>. Defaults follow the conventions of the official NATS clients.</summary>
public sealed record NatsOptions
{
    /// <summary>Seed servers, as <c>nats://[user:pass@]host:port</c>, <c>tls://host:port</c> or <c>host:port</c>.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["nats://127.0.0.1:4222"];

    /// <summary>Connection name shown by the server's monitoring endpoints.</summary>
    public string? Name { get; init; }

    /// <summary>Token for token authentication (<c>auth_token</c>).</summary>
    public string? Token { get; init; }

    /// <summary>User for user/password authentication; a user in a URL takes precedence for that server.</summary>
    public string? User { get; init; }

    /// <summary>Password for user/password authentication.</summary>
    public string? Password { get; init; }

    /// <summary>Whether to use TLS even when the server does not require it.</summary>
    public bool TlsRequired { get; init; }

    /// <summary>Whether to accept any server certificate (development clusters with self-signed certificates).</summary>
    public bool TlsInsecureSkipVerify { get; init; }

    /// <summary>
    /// Authorities that alone are trusted to have issued the server certificate, instead of the system's trust store;
    /// revocation is not checked. The server name must still match unless <see cref="TlsInsecureSkipVerify"/> is set,
    /// which ignores these. Null or empty: the system's trust store.
    /// </summary>
    public X509Certificate2Collection? TlsCaCertificates { get; init; }

    /// <summary>Certificate with its private key presented to servers that ask for one (nats-server <c>verify: true</c>); null presents none.</summary>
    public X509Certificate2? TlsClientCertificate { get; init; }

    /// <summary>Intermediate authorities sent along with <see cref="TlsClientCertificate"/>, so a server trusting only the root can verify it.</summary>
    public X509Certificate2Collection? TlsClientCertificateChain { get; init; }

    /// <summary>Time allowed for TCP connect, optional TLS handshake and the CONNECT/PING/PONG exchange.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Default time a request waits for its reply.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval of client keep-alive PINGs.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Unanswered PINGs after which the connection is considered dead.</summary>
    public int MaxPingsOut { get; init; } = 2;

    /// <summary>First back-off between reconnect rounds (the first round starts at once).</summary>
    public TimeSpan ReconnectWaitMin { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Largest back-off between reconnect rounds.</summary>
    public TimeSpan ReconnectWaitMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Random extra wait added to each back-off so that many clients do not reconnect in lock step.</summary>
    public TimeSpan ReconnectJitter { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Reconnect rounds before the connection gives up and closes; negative means forever.</summary>
    public int MaxReconnectAttempts { get; init; } = -1;

    /// <summary>Bytes of outgoing commands kept while disconnected; a publish beyond it fails with <see cref="NatsReconnectBufferFullException"/>.</summary>
    public int ReconnectBufferBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Bytes the writer may hold while connected before publishers wait for the socket (back-pressure).</summary>
    public int WriterBufferBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Messages a subscription holds before it drops new ones and counts them.</summary>
    public int SubscriptionCapacity { get; init; } = 65_536;

    /// <summary>Whether to shuffle the server pool; keep true in production so that clients spread over the cluster.</summary>
    public bool Randomize { get; init; } = true;

    /// <summary>Whether the server may deliver this connection's own publishes back to its subscriptions.</summary>
    public bool Echo { get; init; } = true;

    /// <summary>Prefix of inbox subjects.</summary>
    public string InboxPrefix { get; init; } = "_INBOX";

    /// <summary>Logger factory for connection events (connects, reconnects, server errors).</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    internal void Validate()
    {
        if (Urls is null || Urls.Count == 0)
        {
            throw new ArgumentException("NatsOptions.Urls must name at least one server.", nameof(Urls));
        }

        if (MaxPingsOut < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPingsOut), MaxPingsOut, "NatsOptions.MaxPingsOut must be at least 1.");
        }

        if (SubscriptionCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SubscriptionCapacity), SubscriptionCapacity, "NatsOptions.SubscriptionCapacity must be at least 1.");
        }

        if (ReconnectBufferBytes < 0 || WriterBufferBytes < 64 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(WriterBufferBytes), "NatsOptions.ReconnectBufferBytes must be >= 0 and WriterBufferBytes >= 65536.");
        }

        if (ConnectTimeout <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero || PingInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ConnectTimeout), "NatsOptions timeouts and the ping interval must be positive.");
        }
    }
}
