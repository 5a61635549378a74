namespace ArgoEvents.Testing.Mqtt;

/// <summary>What a test wants from one mosquitto broker. Ports left null are picked free.</summary>
public sealed record MosquittoOptions
{
    /// <summary>Plain MQTT listener port. Null: a free port.</summary>
    public int? Port { get; init; }

    /// <summary><c>allow_anonymous</c>: whether clients without a user name may connect.</summary>
    public bool AllowAnonymous { get; init; } = true;

    /// <summary>Users and passwords written to a <c>password_file</c> with mosquitto_passwd; empty: no password file.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary><c>persistence</c>: sessions and queued messages are saved in the working directory and survive a graceful restart.</summary>
    public bool Persistence { get; init; }

    /// <summary><c>max_queued_messages</c> per client beyond those in flight; 0 is unlimited; null keeps mosquitto's 1000.</summary>
    public int? MaxQueuedMessages { get; init; }

    /// <summary><c>max_inflight_messages</c> per client (QoS 1 deliveries not yet acknowledged); null keeps mosquitto's 20.</summary>
    public int? MaxInflightMessages { get; init; }

    /// <summary>A TLS listener on <see cref="MosquittoProcess.TlsPort"/> with these files; null for none.</summary>
    public MosquittoTlsFiles? Tls { get; init; }

    /// <summary>
    /// <c>require_certificate</c> on the TLS listener: clients must present a certificate signed by
    /// <see cref="MosquittoTlsFiles.CaFile"/>. Needs <see cref="Tls"/>.
    /// </summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>How long <see cref="MosquittoProcess.StartAsync"/> waits for the broker to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting mosquitto would reject.</summary>
    public void Validate()
    {
        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"MosquittoOptions.Port {Port} is not a TCP port (1..65535).");
        }

        foreach (var (user, password) in Users)
        {
            if (string.IsNullOrEmpty(user) || user.Contains(':', StringComparison.Ordinal) || user.Any(char.IsControl)
                || string.IsNullOrEmpty(password) || password.Any(char.IsControl))
            {
                throw new ArgumentException($"MosquittoOptions.Users: user '{user}' needs a non-empty name without ':' and a non-empty password, both free of control characters.");
            }
        }

        if (MaxQueuedMessages is < 0 || MaxInflightMessages is < 0)
        {
            throw new ArgumentException("MosquittoOptions.MaxQueuedMessages and MaxInflightMessages must not be negative.");
        }

        if (RequireClientCertificate && Tls is null)
        {
            throw new ArgumentException("MosquittoOptions.RequireClientCertificate needs a TLS listener (MosquittoOptions.Tls).");
        }

        if (StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"MosquittoOptions.StartTimeout {StartTimeout} must be positive.");
        }
    }
}
