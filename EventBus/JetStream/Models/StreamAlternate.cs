using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>A mirror able to answer reads for a stream (<c>alternates[]</c>).</summary>
public sealed record StreamAlternate
{
    /// <summary>The mirror's stream name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The mirror's domain (<c>domain</c>).</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>The cluster the mirror lives in (<c>cluster</c>).</summary>
    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }
}
