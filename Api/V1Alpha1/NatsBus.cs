namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>NATSBus</c>: NATS Streaming, run for this bus (<c>native</c>) or existing (<c>exotic</c>).</summary>
public sealed record NatsBus
{
    /// <summary><c>native</c>: run a NATS Streaming StatefulSet.</summary>
    [ManifestField("native")]
    public NativeStrategy? Native { get; init; }

    /// <summary><c>exotic</c>: use an existing NATS Streaming server.</summary>
    [ManifestField("exotic")]
    public NatsConfig? Exotic { get; init; }
}
