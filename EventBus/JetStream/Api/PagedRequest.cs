using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>Body of the paged names/list requests: the page offset and an optional subject filter.</summary>
internal sealed record PagedRequest
{
    [JsonPropertyName("offset")]
    public int Offset { get; init; }

    [JsonPropertyName("subject")]
    public string? Subject { get; init; }
}
