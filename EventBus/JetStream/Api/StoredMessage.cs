using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>A message as <c>STREAM.MSG.GET</c> returns it: headers block and payload in base64.</summary>
internal sealed record StoredMessage
{
    [JsonPropertyName("subject")]
    public string Subject { get; init; } = "";

    [JsonPropertyName("seq")]
    public ulong Sequence { get; init; }

    [JsonPropertyName("hdrs")]
    public byte[]? Headers { get; init; }

    [JsonPropertyName("data")]
    public byte[]? Data { get; init; }

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }
}
