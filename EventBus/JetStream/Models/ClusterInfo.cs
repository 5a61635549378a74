using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>The Raft group behind a clustered stream or consumer (<c>cluster</c>).</summary>
public sealed record ClusterInfo
{
    /// <summary>The cluster name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The server currently leading the group (<c>leader</c>); empty while leaderless.</summary>
    [JsonPropertyName("leader")]
    public string? Leader { get; init; }

    /// <summary>The other members (<c>replicas</c>).</summary>
    [JsonPropertyName("replicas")]
    public IReadOnlyList<PeerInfo>? Replicas { get; init; }
}
