namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>KafkaConsumerGroup</c>.</summary>
public sealed record KafkaConsumerGroup
{
    /// <summary><c>groupName</c>.</summary>
    [ManifestField("groupName")]
    public string? GroupName { get; init; }

    /// <summary><c>oldest</c>: a new group starts from the oldest message rather than the newest.</summary>
    [ManifestField("oldest")]
    public bool Oldest { get; init; }

    /// <summary><c>rebalanceStrategy</c>: range (default), sticky or roundrobin.</summary>
    [ManifestField("rebalanceStrategy")]
    public string? RebalanceStrategy { get; init; }
}
