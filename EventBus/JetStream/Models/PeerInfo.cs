using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>One replica of a Raft group (<c>replicas[]</c>).</summary>
public sealed record PeerInfo
{
    /// <summary>The server name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The replica is up to date with the leader (<c>current</c>).</summary>
    [JsonPropertyName("current")]
    public bool Current { get; init; }

    /// <summary>The replica's server is unreachable (<c>offline</c>).</summary>
    [JsonPropertyName("offline")]
    public bool Offline { get; init; }

    /// <summary>Time since the leader last heard from the replica (<c>active</c>).</summary>
    [JsonPropertyName("active")]
    public TimeSpan Active { get; init; }

    /// <summary>Raft entries the replica is behind by (<c>lag</c>).</summary>
    [JsonPropertyName("lag")]
    public ulong Lag { get; init; }
}
