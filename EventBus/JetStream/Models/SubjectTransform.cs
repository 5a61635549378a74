using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>A subject rewrite applied as messages enter a stream (<c>subject_transform</c>; nats-server 2.10+).</summary>
public sealed record SubjectTransform
{
    /// <summary>The subject pattern to match (<c>src</c>).</summary>
    [JsonPropertyName("src")]
    public string Source { get; init; } = "";

    /// <summary>The rewritten subject (<c>dest</c>).</summary>
    [JsonPropertyName("dest")]
    public string Destination { get; init; } = "";
}
