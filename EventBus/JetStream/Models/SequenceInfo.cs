using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>A point in a consumer's progress: consumer and stream sequence (<c>delivered</c>, <c>ack_floor</c>).</summary>
public sealed record SequenceInfo
{
    /// <summary>The consumer sequence (<c>consumer_seq</c>).</summary>
    [JsonPropertyName("consumer_seq")]
    public ulong ConsumerSequence { get; init; }

    /// <summary>The stream sequence (<c>stream_seq</c>).</summary>
    [JsonPropertyName("stream_seq")]
    public ulong StreamSequence { get; init; }

    /// <summary>When this point was last reached (<c>last_active</c>).</summary>
    [JsonPropertyName("last_active")]
    public DateTimeOffset? LastActive { get; init; }
}
