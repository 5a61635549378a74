namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>NATSTrigger</c>: publish a message on a NATS subject.</summary>
public sealed record NatsTrigger
{
    /// <summary><c>url</c>: the NATS server.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>subject</c>.</summary>
    [ManifestField("subject")]
    public string? Subject { get; init; }

    /// <summary><c>payload</c>: how the message body is built.</summary>
    [ManifestField("payload")]
    public IReadOnlyList<TriggerParameter> Payload { get; init; } = [];

    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>tls</c>.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>auth</c>: how to authenticate.</summary>
    [ManifestField("auth")]
    public NatsAuth? Auth { get; init; }
}
