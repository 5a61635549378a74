using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>Body of <c>STREAM.MSG.DELETE</c>.</summary>
internal sealed record MsgDeleteRequest
{
    [JsonPropertyName("seq")]
    public ulong Sequence { get; init; }

    [JsonPropertyName("no_erase")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NoErase { get; init; }
}
