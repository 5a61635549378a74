namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SFTPEventSource</c>: file changes on an SFTP server.</summary>
public sealed record SftpEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Sftp;

    /// <summary><c>eventType</c>: the operation watched: CREATE, WRITE, REMOVE, RENAME or CHMOD.</summary>
    [ManifestField("eventType")]
    public string? EventType { get; init; }

    /// <summary><c>watchPathConfig</c>: the directory and file watched.</summary>
    [ManifestField("watchPathConfig")]
    public WatchPathConfig? WatchPathConfig { get; init; }

    /// <summary><c>username</c>: the username.</summary>
    [ManifestField("username")]
    public SecretKeySelector? Username { get; init; }

    /// <summary><c>password</c>: the password.</summary>
    [ManifestField("password")]
    public SecretKeySelector? Password { get; init; }

    /// <summary><c>sshKeySecret</c>: the SSH key.</summary>
    [ManifestField("sshKeySecret")]
    public SecretKeySelector? SshKeySecret { get; init; }

    /// <summary><c>address</c>: the server address.</summary>
    [ManifestField("address")]
    public SecretKeySelector? Address { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>pollIntervalDuration</c>: how often the server is polled (default 10s).</summary>
    [ManifestField("pollIntervalDuration")]
    public GoDuration? PollIntervalDuration { get; init; }
}
