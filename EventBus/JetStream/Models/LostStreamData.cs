using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>Messages a stream lost to storage damage (<c>lost</c>).</summary>
public sealed record LostStreamData
{
    /// <summary>Sequences of the lost messages (<c>msgs</c>).</summary>
    [JsonPropertyName("msgs")]
    public IReadOnlyList<ulong>? Messages { get; init; }

    /// <summary>Bytes lost (<c>bytes</c>).</summary>
    [JsonPropertyName("bytes")]
    public ulong Bytes { get; init; }
}
