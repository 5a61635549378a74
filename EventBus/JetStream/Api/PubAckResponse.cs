using System.Text.Json.Serialization;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>The PubAck as it travels: success fields and, on failure, an error beside them.</summary>
internal sealed record PubAckResponse
{
    [JsonPropertyName("stream")]
    public string? Stream { get; init; }

    [JsonPropertyName("seq")]
    public ulong Sequence { get; init; }

    [JsonPropertyName("duplicate")]
    public bool Duplicate { get; init; }

    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    [JsonPropertyName("error")]
    public ApiError? Error { get; init; }
}
