using System.Text.Json.Serialization;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>Body of the consumer create requests.</summary>
internal sealed record ConsumerCreateRequest
{
    [JsonPropertyName("stream_name")]
    public string StreamName { get; init; } = "";

    [JsonPropertyName("config")]
    public ConsumerConfig Config { get; init; } = new();

    /// <summary>"create" or "update" to forbid the other outcome; nats-server 2.10+ only (2.9 ignores it).</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }
}
