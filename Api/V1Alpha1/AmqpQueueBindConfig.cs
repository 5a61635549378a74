namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>AMQPQueueBindConfig</c>: arguments of the queue binding.</summary>
public sealed record AmqpQueueBindConfig
{
    /// <summary><c>noWait</c>: do not wait for the broker to confirm.</summary>
    [ManifestField("noWait")]
    public bool NoWait { get; init; }
}
