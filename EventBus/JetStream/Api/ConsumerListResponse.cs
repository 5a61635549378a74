using System.Text.Json.Serialization;
using ArgoEvents.EventBus.JetStream.Models;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>One page of <c>$JS.API.CONSUMER.LIST.&lt;stream&gt;</c>.</summary>
internal sealed record ConsumerListResponse : PagedResponse
{
    [JsonPropertyName("consumers")]
    public IReadOnlyList<ConsumerInfo>? Consumers { get; init; }
}
