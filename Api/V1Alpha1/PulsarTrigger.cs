namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>PulsarTrigger</c>: produce a message on a Pulsar topic.</summary>
public sealed record PulsarTrigger
{
    /// <summary><c>url</c>: the Pulsar service URL.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>topic</c>.</summary>
    [ManifestField("topic")]
    public string? Topic { get; init; }

    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>payload</c>: how the message body is built.</summary>
    [ManifestField("payload")]
    public IReadOnlyList<TriggerParameter> Payload { get; init; } = [];

    /// <summary><c>tlsTrustCertsSecret</c>: trusted certificates.</summary>
    [ManifestField("tlsTrustCertsSecret")]
    public SecretKeySelector? TlsTrustCertsSecret { get; init; }

    /// <summary><c>tlsAllowInsecureConnection</c>: accept untrusted broker certificates.</summary>
    [ManifestField("tlsAllowInsecureConnection")]
    public bool TlsAllowInsecureConnection { get; init; }

    /// <summary><c>tlsValidateHostname</c>: check the broker's host name.</summary>
    [ManifestField("tlsValidateHostname")]
    public bool TlsValidateHostname { get; init; }

    /// <summary><c>tls</c>.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>authTokenSecret</c>: a token (or use Athenz).</summary>
    [ManifestField("authTokenSecret")]
    public SecretKeySelector? AuthTokenSecret { get; init; }

    /// <summary><c>connectionBackoff</c>: retries of the connection.</summary>
    [ManifestField("connectionBackoff")]
    public Backoff? ConnectionBackoff { get; init; }

    /// <summary><c>authAthenzParams</c>: Athenz settings (needs <see cref="AuthAthenzSecret"/>).</summary>
    [ManifestField("authAthenzParams")]
    public IReadOnlyDictionary<string, string> AuthAthenzParams { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>authAthenzSecret</c>: the Athenz private key.</summary>
    [ManifestField("authAthenzSecret")]
    public SecretKeySelector? AuthAthenzSecret { get; init; }
}
