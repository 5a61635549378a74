using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>How fast stored messages are replayed (<c>replay_policy</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplayPolicy>))]
public enum ReplayPolicy
{
    /// <summary>As fast as the consumer takes them.</summary>
    [JsonStringEnumMemberName("instant")]
    Instant,

    /// <summary>At the pace they were originally stored.</summary>
    [JsonStringEnumMemberName("original")]
    Original,
}
