using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>Where a stream's replicas may be placed (<c>placement</c>).</summary>
public sealed record Placement
{
    /// <summary>The cluster to place the stream in (<c>cluster</c>).</summary>
    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }

    /// <summary>Server tags every replica's server must carry (<c>tags</c>).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }
}
