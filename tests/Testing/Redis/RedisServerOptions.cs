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

    /// <summary>
    /// Also listen for TLS on <see cref="RedisServerProcess.TlsPort"/>, with <see cref="TlsFiles"/> or else a generated
    /// self-signed certificate; clients are asked for a certificate only with <see cref="TlsAuthClients"/>.
    /// </summary>
    public bool Tls { get; init; }

    /// <summary>Server certificate, key and client CA files to use instead of the generated self-signed pair; needs <see cref="Tls"/>.</summary>
    public RedisTlsFiles? TlsFiles { get; init; }

    /// <summary><c>tls-auth-clients yes</c>: TLS clients must present a certificate issued by the CA file; needs <see cref="Tls"/>.</summary>
    public bool TlsAuthClients { get; init; }

    /// <summary><c>port 0</c>: no plain-text listener, only <see cref="RedisServerProcess.TlsPort"/>; needs <see cref="Tls"/>.</summary>
    public bool TlsOnly { get; init; }

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

        if (!Tls && (TlsFiles is not null || TlsAuthClients || TlsOnly))
        {
            throw new ArgumentException("RedisServerOptions.TlsFiles, TlsAuthClients and TlsOnly need Tls = true.");
        }

        if (TlsFiles is not null)
        {
            foreach (var (name, file) in new[] { ("CertificateFile", TlsFiles.CertificateFile), ("KeyFile", TlsFiles.KeyFile), ("CaCertificateFile", TlsFiles.CaCertificateFile) })
            {
                if (string.IsNullOrEmpty(file) || file.Contains('"', StringComparison.Ordinal) || !File.Exists(file))
                {
                    throw new ArgumentException($"RedisServerOptions.TlsFiles.{name} '{file}' is not an existing file path without quotes.");
                }
            }
        }

        if (StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("RedisServerOptions.StartTimeout must be positive.");
        }
    }
}
