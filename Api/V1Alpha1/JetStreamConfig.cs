namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>JetStreamConfig</c>: how to reach an existing JetStream server (<c>jetstreamExotic</c>).</summary>
public sealed record JetStreamConfig
{
    /// <summary><c>url</c>.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>accessSecret</c>: basic auth credentials.</summary>
    [ManifestField("accessSecret")]
    public SecretKeySelector? AccessSecret { get; init; }

    /// <summary><c>streamConfig</c>: stream settings (YAML in a string, read typed).</summary>
    [ManifestField("streamConfig")]
    public JetStreamStreamConfig? StreamConfig { get; init; }

    /// <summary><c>tls</c>.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>auth</c>: none (default), token or basic.</summary>
    [ManifestField("auth")]
    public string? Auth { get; init; }
}
