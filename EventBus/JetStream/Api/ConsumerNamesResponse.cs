using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>One page of <c>$JS.API.CONSUMER.NAMES.&lt;stream&gt;</c>.</summary>
internal sealed record ConsumerNamesResponse : PagedResponse
{
    [JsonPropertyName("consumers")]
    public IReadOnlyList<string>? Consumers { get; init; }
}
