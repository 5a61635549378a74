using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>One page of <c>$JS.API.STREAM.NAMES</c>.</summary>
internal sealed record StreamNamesResponse : PagedResponse
{
    [JsonPropertyName("streams")]
    public IReadOnlyList<string>? Streams { get; init; }
}
