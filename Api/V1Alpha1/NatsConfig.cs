namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>NATSConfig</c>: how to reach an existing NATS Streaming server.</summary>
public sealed record NatsConfig
{
    /// <summary><c>url</c>.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>clusterID</c>: the NATS Streaming cluster id.</summary>
    [ManifestField("clusterID")]
    public string? ClusterId { get; init; }

    /// <summary><c>auth</c>: none (default), token or basic.</summary>
    [ManifestField("auth")]
    public string? Auth { get; init; }

    /// <summary><c>accessSecret</c>: the token or credentials.</summary>
    [ManifestField("accessSecret")]
    public SecretKeySelector? AccessSecret { get; init; }
}
