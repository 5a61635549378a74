namespace ArgoEvents.Testing.Nats;

/// <summary>
/// What a test wants from one nats-server. Everything left null gets the server's default, except the
/// ports (free loopback ports are picked) and the server name (a unique one is generated).
/// </summary>
public sealed record NatsServerOptions
{
    /// <summary>nats-server refuses a lame duck duration below this.</summary>
    public static readonly TimeSpan MinimumLameDuckDuration = TimeSpan.FromSeconds(30);

    /// <summary>Largest max_payload nats-server accepts.</summary>
    public const int MaximumPayloadLimit = 64 * 1024 * 1024;

    /// <summary><c>server_name</c>; unique per cluster. Null: a generated unique name.</summary>
    public string? ServerName { get; init; }

    /// <summary>Client port. Null: a free port.</summary>
    public int? Port { get; init; }

    /// <summary>HTTP monitoring port. Null: a free port.</summary>
    public int? MonitorPort { get; init; }

    /// <summary>Enables JetStream with a store directory private to this server.</summary>
    public bool JetStream { get; init; }

    /// <summary>JetStream memory store limit in bytes.</summary>
    public long JetStreamMaxMemory { get; init; } = 256L * 1024 * 1024;

    /// <summary>JetStream file store limit in bytes.</summary>
    public long JetStreamMaxFile { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Token clients must send as <c>auth_token</c>. Exclusive with <see cref="User"/>.</summary>
    public string? Token { get; init; }

    /// <summary>The single user clients must log in as; needs <see cref="Password"/>.</summary>
    public string? User { get; init; }

    /// <summary>Password of <see cref="User"/>.</summary>
    public string? Password { get; init; }

    /// <summary>TLS for client connections (PEM files); null for plain TCP.</summary>
    public NatsTlsFiles? Tls { get; init; }

    /// <summary>The cluster block; null for a standalone server.</summary>
    public NatsRoutingOptions? Cluster { get; init; }

    /// <summary>max_payload in bytes; null keeps the server's 1 MiB.</summary>
    public int? MaxPayload { get; init; }

    /// <summary>lame_duck_duration (at least 30 s, the server's minimum); null keeps 2 minutes.</summary>
    public TimeSpan? LameDuckDuration { get; init; }

    /// <summary>lame_duck_grace_period; null keeps 10 s.</summary>
    public TimeSpan? LameDuckGracePeriod { get; init; }

    /// <summary>How long <see cref="NatsServerProcess.StartAsync"/> waits for the server to be ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting nats-server would reject or misread.</summary>
    public void Validate()
    {
        if (ServerName is not null && !IsPlainName(ServerName))
        {
            throw new ArgumentException($"NatsServerOptions.ServerName '{ServerName}' must be non-empty and use only letters, digits, '-', '_' or '.'.");
        }

        ValidatePort(Port, nameof(Port));
        ValidatePort(MonitorPort, nameof(MonitorPort));
        if (Token is not null && (User is not null || Password is not null))
        {
            throw new ArgumentException("NatsServerOptions: Token and User/Password are exclusive (nats-server: 'Cannot have a user/pass and token').");
        }

        if ((User is null) != (Password is null))
        {
            throw new ArgumentException("NatsServerOptions: User and Password must be set together.");
        }

        ValidateSecret(Token, nameof(Token));
        ValidateSecret(User, nameof(User));
        ValidateSecret(Password, nameof(Password));
        if (MaxPayload is < 1 or > MaximumPayloadLimit)
        {
            throw new ArgumentException($"NatsServerOptions.MaxPayload {MaxPayload} must be between 1 and {MaximumPayloadLimit} bytes.");
        }

        if (LameDuckDuration is { } duration && duration < MinimumLameDuckDuration)
        {
            throw new ArgumentException($"NatsServerOptions.LameDuckDuration {duration} is below nats-server's minimum lame_duck_duration of {MinimumLameDuckDuration.TotalSeconds:0} s.");
        }

        if (LameDuckGracePeriod is { } grace && grace < TimeSpan.Zero)
        {
            throw new ArgumentException($"NatsServerOptions.LameDuckGracePeriod {grace} must not be negative.");
        }

        if (JetStreamMaxMemory <= 0 || JetStreamMaxFile <= 0)
        {
            throw new ArgumentException("NatsServerOptions.JetStreamMaxMemory and JetStreamMaxFile must be positive.");
        }

        if (StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"NatsServerOptions.StartTimeout {StartTimeout} must be positive.");
        }

        ValidateCluster();
    }

    private void ValidateCluster()
    {
        if (Cluster is null)
        {
            return;
        }

        if (!IsPlainName(Cluster.Name))
        {
            throw new ArgumentException($"NatsServerOptions.Cluster.Name '{Cluster.Name}' must be non-empty and use only letters, digits, '-', '_' or '.'.");
        }

        ValidatePort(Cluster.RoutePort, "Cluster.RoutePort");
        foreach (var route in Cluster.Routes)
        {
            ValidatePort(route, "Cluster.Routes");
        }
    }

    private static void ValidatePort(int? port, string name)
    {
        if (port is < 1 or > 65535)
        {
            throw new ArgumentException($"NatsServerOptions.{name} {port} is not a TCP port (1..65535).");
        }
    }

    private static void ValidateSecret(string? value, string name)
    {
        if (value is not null && (value.Length == 0 || value.Any(char.IsControl)))
        {
            throw new ArgumentException($"NatsServerOptions.{name} must be non-empty and free of control characters.");
        }
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
