using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>The paging fields every names/list response carries.</summary>
internal abstract record PagedResponse
{
    [JsonPropertyName("total")]
    public int Total { get; init; }

    [JsonPropertyName("offset")]
    public int Offset { get; init; }

    [JsonPropertyName("limit")]
    public int Limit { get; init; }
}
