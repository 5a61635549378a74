using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>How to reach a stream in another account or domain (<c>external</c>).</summary>
public sealed record ExternalStream
{
    /// <summary>The API prefix of the other JetStream (<c>api</c>).</summary>
    [JsonPropertyName("api")]
    public string Api { get; init; } = "";

    /// <summary>The deliver prefix used to receive its messages (<c>deliver</c>).</summary>
    [JsonPropertyName("deliver")]
    public string? Deliver { get; init; }
}
