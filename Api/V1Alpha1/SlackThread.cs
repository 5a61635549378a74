namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>SlackThread</c>: group messages with the same key into one thread.</summary>
public sealed record SlackThread
{
    /// <summary><c>messageAggregationKey</c>.</summary>
    [ManifestField("messageAggregationKey")]
    public string? MessageAggregationKey { get; init; }

    /// <summary><c>broadcastMessageToChannel</c>: also post the thread message to the channel.</summary>
    [ManifestField("broadcastMessageToChannel")]
    public bool BroadcastMessageToChannel { get; init; }
}
