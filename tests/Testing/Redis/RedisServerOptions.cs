namespace ArgoEvents.Testing.Redis;

/// <summary>What a test wants from one redis-server. By default: a free loopback port, no password, no persistence.</summary>
public sealed record RedisServerOptions
{
    /// <summary>Client port. Null: a free port.</summary>
    public int? Port { get; init; }

    /// <summary><c>requirepass</c>: the default user's password. Null: the default user needs none.</summary>
    public string? Password { get; init; }

    /// <summary>ACL users besides the default one.</summary>
    public IReadOnlyList<RedisAclUser> Users { get; init; } = [];

    /// <summary>Also listen for TLS on <see cref="RedisServerProcess.TlsPort"/> with a generated self-signed certificate; clients are not asked for one.</summary>
    public bool Tls { get; init; }

    /// <summary>Keep data across restarts with an append-only file in the working directory.</summary>
    public bool AppendOnly { get; init; }

    /// <summary>How long a start may take before it counts as failed.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Throws naming the first value redis-server would refuse or misread.</summary>
    public void Validate()
    {
        if (Password is not null && (Password.Length == 0 || Password.Any(char.IsWhiteSpace) || Password.Contains('"', StringComparison.Ordinal)))
        {
            throw new ArgumentException("RedisServerOptions.Password must be non-empty, without whitespace or quotes.");
        }

        foreach (var user in Users)
        {
            if (user.Name.Length == 0 || !user.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new ArgumentException($"RedisServerOptions.Users: name '{user.Name}' must be letters, digits, '-' or '_'.");
            }

            if (user.Password.Length == 0 || user.Password.Any(char.IsWhiteSpace) || user.Password.Contains('"', StringComparison.Ordinal))
            {
                throw new ArgumentException($"RedisServerOptions.Users: the password of '{user.Name}' must be non-empty, without whitespace or quotes.");
            }
        }

        if (StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("RedisServerOptions.StartTimeout must be positive.");
        }
    }
}
