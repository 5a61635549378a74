namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>PulsarEventSource</c>: messages from Apache Pulsar topics.</summary>
public sealed record PulsarEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Pulsar;

    /// <summary><c>topics</c>: the topics.</summary>
    [ManifestField("topics")]
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary><c>type</c>: the subscription type: exclusive (default) or shared.</summary>
    [ManifestField("type")]
    public string? Type { get; init; }

    /// <summary><c>url</c>: the service URL.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>tlsTrustCertsSecret</c>: trusted TLS certificates.</summary>
    [ManifestField("tlsTrustCertsSecret")]
    public SecretKeySelector? TlsTrustCertsSecret { get; init; }

    /// <summary><c>tlsAllowInsecureConnection</c>: accept an untrusted broker certificate.</summary>
    [ManifestField("tlsAllowInsecureConnection")]
    public bool TlsAllowInsecureConnection { get; init; }

    /// <summary><c>tlsValidateHostname</c>: verify the broker host name.</summary>
    [ManifestField("tlsValidateHostname")]
    public bool TlsValidateHostname { get; init; }

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>connectionBackoff</c>: retries of the connection.</summary>
    [ManifestField("connectionBackoff")]
    public Backoff? ConnectionBackoff { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>authTokenSecret</c>: a token (or use Athenz).</summary>
    [ManifestField("authTokenSecret")]
    public SecretKeySelector? AuthTokenSecret { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>authAthenzParams</c>: Athenz parameters.</summary>
    [ManifestField("authAthenzParams")]
    public IReadOnlyDictionary<string, string> AuthAthenzParams { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>authAthenzSecret</c>: the Athenz private key.</summary>
    [ManifestField("authAthenzSecret")]
    public SecretKeySelector? AuthAthenzSecret { get; init; }
}
