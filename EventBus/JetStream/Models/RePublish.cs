using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>Republishing of stored messages to a core NATS subject (<c>republish</c>).</summary>
public sealed record RePublish
{
    /// <summary>Which stored subjects to republish (<c>src</c>); all when empty.</summary>
    [JsonPropertyName("src")]
    public string? Source { get; init; }

    /// <summary>The destination subject (<c>dest</c>).</summary>
    [JsonPropertyName("dest")]
    public string Destination { get; init; } = "";

    /// <summary>Republish only the headers, not the payload (<c>headers_only</c>).</summary>
    [JsonPropertyName("headers_only")]
    public bool HeadersOnly { get; init; }
}
