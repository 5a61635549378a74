using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>Defaults and ceilings a stream imposes on its consumers (<c>consumer_limits</c>; nats-server 2.10+).</summary>
public sealed record StreamConsumerLimits
{
    /// <summary>Ceiling for consumers' inactive threshold (<c>inactive_threshold</c>).</summary>
    [JsonPropertyName("inactive_threshold")]
    public TimeSpan InactiveThreshold { get; init; }

    /// <summary>Ceiling for consumers' max ack pending (<c>max_ack_pending</c>).</summary>
    [JsonPropertyName("max_ack_pending")]
    public int MaxAckPending { get; init; }
}
