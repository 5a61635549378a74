using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>What a stream holds right now (<c>state</c>).</summary>
public sealed record StreamState
{
    /// <summary>Messages stored (<c>messages</c>).</summary>
    [JsonPropertyName("messages")]
    public ulong Messages { get; init; }

    /// <summary>Bytes stored (<c>bytes</c>).</summary>
    [JsonPropertyName("bytes")]
    public ulong Bytes { get; init; }

    /// <summary>Sequence of the oldest message (<c>first_seq</c>).</summary>
    [JsonPropertyName("first_seq")]
    public ulong FirstSequence { get; init; }

    /// <summary>Time of the oldest message (<c>first_ts</c>).</summary>
    [JsonPropertyName("first_ts")]
    public DateTimeOffset FirstTime { get; init; }

    /// <summary>Sequence of the newest message (<c>last_seq</c>).</summary>
    [JsonPropertyName("last_seq")]
    public ulong LastSequence { get; init; }

    /// <summary>Time of the newest message (<c>last_ts</c>).</summary>
    [JsonPropertyName("last_ts")]
    public DateTimeOffset LastTime { get; init; }

    /// <summary>Distinct subjects stored (<c>num_subjects</c>).</summary>
    [JsonPropertyName("num_subjects")]
    public long NumSubjects { get; init; }

    /// <summary>Message count per subject, when asked for with a subjects filter (<c>subjects</c>).</summary>
    [JsonPropertyName("subjects")]
    public IReadOnlyDictionary<string, ulong>? Subjects { get; init; }

    /// <summary>Deleted messages inside the first..last range (<c>num_deleted</c>).</summary>
    [JsonPropertyName("num_deleted")]
    public long NumDeleted { get; init; }

    /// <summary>Sequences of deleted messages, when asked for (<c>deleted</c>).</summary>
    [JsonPropertyName("deleted")]
    public IReadOnlyList<ulong>? Deleted { get; init; }

    /// <summary>Messages lost to storage damage (<c>lost</c>).</summary>
    [JsonPropertyName("lost")]
    public LostStreamData? Lost { get; init; }

    /// <summary>Consumers on the stream (<c>consumer_count</c>).</summary>
    [JsonPropertyName("consumer_count")]
    public int ConsumerCount { get; init; }
}
