using System.Text.Json.Serialization;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>One page of <c>$JS.API.STREAM.LIST</c>.</summary>
internal sealed record StreamListResponse : PagedResponse
{
    [JsonPropertyName("streams")]
    public IReadOnlyList<StreamInfo>? Streams { get; init; }
}
