namespace ArgoEvents.EventBus.Nats;

/// <summary>One server of the pool: where it is, how to authenticate, and whether INFO announced it.</summary>
internal sealed record NatsServerAddress(string Host, int Port, bool Tls, string? User, string? Password, string? Token, bool Implicit)
{
    public const int DefaultPort = 4222;

    public string HostPort => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    public override string ToString() => (Tls ? "tls://" : "nats://") + HostPort;

    /// <summary>Parses <c>nats://[user[:pass]@]host[:port]</c>, <c>tls://…</c> or a bare <c>host:port</c>.</summary>
    public static NatsServerAddress Parse(string url, bool isImplicit = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "nats://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{url}' is not a NATS server URL (expected nats://host:port).", nameof(url));
        }

        var tls = uri.Scheme switch
        {
            "nats" => false,
            "tls" => true,
            _ => throw new ArgumentException($"'{url}' uses the scheme '{uri.Scheme}'; NATS URLs use nats:// or tls://.", nameof(url)),
        };

        string? user = null, password = null, token = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            var first = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                user = first;
                password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                // A lone user-info part is a token, as in the other NATS clients.
                token = first;
            }
        }

        var host = uri.Host.Trim('[', ']');
        var port = uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port;
        return new NatsServerAddress(host, port, tls, user, password, token, isImplicit);
    }
}
