using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>A stream's configuration and current state as the server reports it.</summary>
public sealed record StreamInfo
{
    /// <summary>The active configuration, with the server's defaults filled in (<c>config</c>).</summary>
    [JsonPropertyName("config")]
    public StreamConfig Config { get; init; } = new();

    /// <summary>When the stream was created (<c>created</c>).</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; init; }

    /// <summary>Message counts and sequences (<c>state</c>).</summary>
    [JsonPropertyName("state")]
    public StreamState State { get; init; } = new();

    /// <summary>The JetStream domain, when one is set (<c>domain</c>).</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>Raft group and replicas, on clustered servers (<c>cluster</c>).</summary>
    [JsonPropertyName("cluster")]
    public ClusterInfo? Cluster { get; init; }

    /// <summary>Progress of the mirror, when the stream is one (<c>mirror</c>).</summary>
    [JsonPropertyName("mirror")]
    public StreamSourceInfo? Mirror { get; init; }

    /// <summary>Progress of each source (<c>sources</c>).</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<StreamSourceInfo>? Sources { get; init; }

    /// <summary>Mirrors that can answer for this stream (<c>alternates</c>).</summary>
    [JsonPropertyName("alternates")]
    public IReadOnlyList<StreamAlternate>? Alternates { get; init; }

    /// <summary>True when a create request made the stream rather than finding it (<c>did_create</c>; newer servers only).</summary>
    [JsonPropertyName("did_create")]
    public bool DidCreate { get; init; }
}
