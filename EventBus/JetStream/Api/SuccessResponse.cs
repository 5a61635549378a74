using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>Reply of the delete requests: <c>{"success":true}</c>.</summary>
internal sealed record SuccessResponse
{
    [JsonPropertyName("success")]
    public bool Success { get; init; }
}
