using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>
/// Body of <c>STREAM.MSG.GET</c> and <c>DIRECT.GET</c>: by sequence, last by subject, or next by subject from a sequence.
/// </summary>
internal sealed record MsgGetRequest
{
    [JsonPropertyName("seq")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong Sequence { get; init; }

    [JsonPropertyName("last_by_subj")]
    public string? LastBySubject { get; init; }

    [JsonPropertyName("next_by_subj")]
    public string? NextBySubject { get; init; }
}
