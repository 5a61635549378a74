using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>Reply of <c>STREAM.MSG.GET</c>.</summary>
internal sealed record MsgGetResponse
{
    [JsonPropertyName("message")]
    public StoredMessage? Message { get; init; }
}
