using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Api;

/// <summary>Body of <c>CONSUMER.MSG.NEXT</c>: how many messages, for how long, and the heartbeat while waiting.</summary>
internal sealed record PullRequest
{
    [JsonPropertyName("batch")]
    public int Batch { get; init; }

    [JsonPropertyName("expires")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeSpan Expires { get; init; }

    [JsonPropertyName("max_bytes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int MaxBytes { get; init; }

    [JsonPropertyName("no_wait")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NoWait { get; init; }

    [JsonPropertyName("idle_heartbeat")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeSpan IdleHeartbeat { get; init; }
}
