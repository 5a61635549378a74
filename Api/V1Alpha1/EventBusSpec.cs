namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>EventBusSpec</c>: exactly one of <c>nats</c>, <c>jetstream</c>, <c>kafka</c> or <c>jetstreamExotic</c>.</summary>
public sealed record EventBusSpec
{
    /// <summary><c>nats</c>: NATS Streaming (deprecated in Argo).</summary>
    [ManifestField("nats")]
    public NatsBus? Nats { get; init; }

    /// <summary><c>jetstream</c>: a JetStream cluster run for this bus.</summary>
    [ManifestField("jetstream")]
    public JetStreamBus? JetStream { get; init; }

    /// <summary><c>kafka</c>: an existing Kafka cluster.</summary>
    [ManifestField("kafka")]
    public KafkaBus? Kafka { get; init; }

    /// <summary><c>jetstreamExotic</c>: an existing JetStream server.</summary>
    [ManifestField("jetstreamExotic")]
    public JetStreamConfig? JetStreamExotic { get; init; }
}
