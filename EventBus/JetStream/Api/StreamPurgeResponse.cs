using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>Reply of <c>$JS.API.STREAM.PURGE</c>.</summary>
internal sealed record StreamPurgeResponse
{
    [JsonPropertyName("success")]
    public bool Success { get; init; }

    [JsonPropertyName("purged")]
    public ulong Purged { get; init; }
}
