namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>HDFSEventSource</c>: file changes in HDFS.</summary>
public sealed record HdfsEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Hdfs;

    /// <summary>The watched <c>directory</c> and <c>path</c> or <c>pathRegexp</c>, written at this level.</summary>
    [ManifestInline]
    public WatchPathConfig WatchPathConfig { get; init; } = new();

    /// <summary><c>type</c>: the operation watched: CREATE, WRITE, REMOVE, RENAME or CHMOD.</summary>
    [ManifestField("type")]
    public string? Type { get; init; }

    /// <summary><c>checkInterval</c>: how often the directory is checked (default 1m).</summary>
    [ManifestField("checkInterval")]
    public GoDuration? CheckInterval { get; init; }

    /// <summary><c>addresses</c>: the name node addresses.</summary>
    [ManifestField("addresses")]
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary><c>hdfsUser</c>: the HDFS user (ignored with Kerberos).</summary>
    [ManifestField("hdfsUser")]
    public string? HdfsUser { get; init; }

    /// <summary><c>krbCCacheSecret</c>: the Kerberos credential cache.</summary>
    [ManifestField("krbCCacheSecret")]
    public SecretKeySelector? KrbCCacheSecret { get; init; }

    /// <summary><c>krbKeytabSecret</c>: the Kerberos keytab.</summary>
    [ManifestField("krbKeytabSecret")]
    public SecretKeySelector? KrbKeytabSecret { get; init; }

    /// <summary><c>krbUsername</c>: the Kerberos user (with a keytab).</summary>
    [ManifestField("krbUsername")]
    public string? KrbUsername { get; init; }

    /// <summary><c>krbRealm</c>: the Kerberos realm (with a keytab).</summary>
    [ManifestField("krbRealm")]
    public string? KrbRealm { get; init; }

    /// <summary><c>krbConfigConfigMap</c>: the Kerberos configuration.</summary>
    [ManifestField("krbConfigConfigMap")]
    public ConfigMapKeySelector? KrbConfigConfigMap { get; init; }

    /// <summary><c>krbServicePrincipalName</c>: the Kerberos service principal.</summary>
    [ManifestField("krbServicePrincipalName")]
    public string? KrbServicePrincipalName { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
