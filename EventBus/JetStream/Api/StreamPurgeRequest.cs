using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>Body of <c>$JS.API.STREAM.PURGE</c>: limit the purge to a subject, below a sequence, or keep the newest n.</summary>
internal sealed record StreamPurgeRequest
{
    [JsonPropertyName("filter")]
    public string? Filter { get; init; }

    [JsonPropertyName("seq")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Sequence { get; init; }

    [JsonPropertyName("keep")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Keep { get; init; }
}
