namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>WebhookContext</c>: the HTTP endpoint an event source serves.</summary>
public sealed record WebhookContext
{
    /// <summary>Argo's default request body limit: 1 MiB.</summary>
    public const long DefaultMaxPayloadSize = 1_048_576;

    /// <summary><c>endpoint</c>: the URL path served, such as <c>/example</c>.</summary>
    [ManifestField("endpoint")]
    public string? Endpoint { get; init; }

    /// <summary><c>method</c>: the HTTP method accepted.</summary>
    [ManifestField("method")]
    public string? Method { get; init; }

    /// <summary><c>port</c>: the listening port, written as a string.</summary>
    [ManifestField("port")]
    public string? Port { get; init; }

    /// <summary><c>url</c>: the externally reachable URL (used to register hooks with git providers).</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>serverCertSecret</c>: the server certificate, for HTTPS.</summary>
    [ManifestField("serverCertSecret")]
    public SecretKeySelector? ServerCertSecret { get; init; }

    /// <summary><c>serverKeySecret</c>: the server private key, for HTTPS.</summary>
    [ManifestField("serverKeySecret")]
    public SecretKeySelector? ServerKeySecret { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>authSecret</c>: a bearer token requests must carry.</summary>
    [ManifestField("authSecret")]
    public SecretKeySelector? AuthSecret { get; init; }

    /// <summary><c>maxPayloadSize</c>: largest request body accepted, in bytes (default <see cref="DefaultMaxPayloadSize"/>).</summary>
    [ManifestField("maxPayloadSize")]
    public long? MaxPayloadSize { get; init; }

    /// <summary><c>basicAuth</c>: a username and password requests must carry.</summary>
    [ManifestField("basicAuth")]
    public BasicAuth? BasicAuth { get; init; }

    /// <summary>The body limit in force: <see cref="MaxPayloadSize"/> or the 1 MiB default.</summary>
    public long EffectiveMaxPayloadSize => MaxPayloadSize ?? DefaultMaxPayloadSize;
}
