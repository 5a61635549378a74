using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>
/// The configuration of a consumer, field for field as nats-server 2.9.10 accepts it. Zero numbers and durations
/// mean "server default". A <see cref="DeliverSubject"/> makes a push consumer; without one it is a pull consumer.
/// </summary>
public sealed record ConsumerConfig
{
    /// <summary>Creates an empty configuration (an ephemeral pull consumer with explicit acks).</summary>
    public ConsumerConfig()
    {
    }

    /// <summary>Creates the configuration of a durable consumer.</summary>
    /// <param name="durableName">The consumer's durable name.</param>
    public ConsumerConfig(string durableName)
    {
        DurableName = durableName;
    }

    /// <summary>Durable name; a durable consumer survives inactivity (<c>durable_name</c>).</summary>
    [JsonPropertyName("durable_name")]
    public string? DurableName { get; init; }

    /// <summary>The consumer name; the server sets it from the create subject (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A free-text description (<c>description</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Where the consumer starts (<c>deliver_policy</c>).</summary>
    [JsonPropertyName("deliver_policy")]
    public DeliverPolicy DeliverPolicy { get; init; } = DeliverPolicy.All;

    /// <summary>Start sequence for <see cref="DeliverPolicy.ByStartSequence"/> (<c>opt_start_seq</c>).</summary>
    [JsonPropertyName("opt_start_seq")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong OptStartSequence { get; init; }

    /// <summary>Start time for <see cref="DeliverPolicy.ByStartTime"/> (<c>opt_start_time</c>).</summary>
    [JsonPropertyName("opt_start_time")]
    public DateTimeOffset? OptStartTime { get; init; }

    /// <summary>How messages are acknowledged (<c>ack_policy</c>).</summary>
    [JsonPropertyName("ack_policy")]
    public AckPolicy AckPolicy { get; init; } = AckPolicy.Explicit;

    /// <summary>How long the server waits for an ack before redelivering; zero means 30 s (<c>ack_wait</c>).</summary>
    [JsonPropertyName("ack_wait")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeSpan AckWait { get; init; }

    /// <summary>Most delivery attempts per message; zero or −1 means unlimited (<c>max_deliver</c>).</summary>
    [JsonPropertyName("max_deliver")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int MaxDeliver { get; init; }

    /// <summary>Redelivery delays per attempt, replacing <see cref="AckWait"/> (<c>backoff</c>).</summary>
    [JsonPropertyName("backoff")]
    public IReadOnlyList<TimeSpan>? Backoff { get; init; }

    /// <summary>The one subject filter 2.9 supports (<c>filter_subject</c>).</summary>
    [JsonPropertyName("filter_subject")]
    public string? FilterSubject { get; init; }

    /// <summary>Several subject filters (<c>filter_subjects</c>; nats-server 2.10+).</summary>
    [JsonPropertyName("filter_subjects")]
    public IReadOnlyList<string>? FilterSubjects { get; init; }

    /// <summary>Replay pace (<c>replay_policy</c>).</summary>
    [JsonPropertyName("replay_policy")]
    public ReplayPolicy ReplayPolicy { get; init; } = ReplayPolicy.Instant;

    /// <summary>Push delivery rate limit in bits per second (<c>rate_limit_bps</c>).</summary>
    [JsonPropertyName("rate_limit_bps")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong RateLimitBps { get; init; }

    /// <summary>Percentage of acks sampled into advisories, e.g. "100%" (<c>sample_freq</c>).</summary>
    [JsonPropertyName("sample_freq")]
    public string? SampleFrequency { get; init; }

    /// <summary>Most pull requests waiting at once; pull only, zero means 512 (<c>max_waiting</c>).</summary>
    [JsonPropertyName("max_waiting")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int MaxWaiting { get; init; }

    /// <summary>Most delivered-but-unacked messages; zero means 1000, −1 unlimited (<c>max_ack_pending</c>).</summary>
    [JsonPropertyName("max_ack_pending")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int MaxAckPending { get; init; }

    /// <summary>Heartbeat interval when idle; push only (<c>idle_heartbeat</c>).</summary>
    [JsonPropertyName("idle_heartbeat")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeSpan IdleHeartbeat { get; init; }

    /// <summary>Interleave flow-control requests; push only (<c>flow_control</c>).</summary>
    [JsonPropertyName("flow_control")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool FlowControl { get; init; }

    /// <summary>Deliver headers only, with the payload size in <c>Nats-Msg-Size</c> (<c>headers_only</c>).</summary>
    [JsonPropertyName("headers_only")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool HeadersOnly { get; init; }

    /// <summary>Largest batch one pull request may ask for (<c>max_batch</c>).</summary>
    [JsonPropertyName("max_batch")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int MaxBatch { get; init; }

    /// <summary>Longest expiry one pull request may ask for (<c>max_expires</c>).</summary>
    [JsonPropertyName("max_expires")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeSpan MaxExpires { get; init; }

    /// <summary>Largest max_bytes one pull request may ask for (<c>max_bytes</c>).</summary>
    [JsonPropertyName("max_bytes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int MaxBytes { get; init; }

    /// <summary>The subject push deliveries go to; its presence makes a push consumer (<c>deliver_subject</c>).</summary>
    [JsonPropertyName("deliver_subject")]
    public string? DeliverSubject { get; init; }

    /// <summary>Queue group of the push subscribers (<c>deliver_group</c>).</summary>
    [JsonPropertyName("deliver_group")]
    public string? DeliverGroup { get; init; }

    /// <summary>Idle time after which an ephemeral consumer is deleted; zero means 5 s (<c>inactive_threshold</c>).</summary>
    [JsonPropertyName("inactive_threshold")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeSpan InactiveThreshold { get; init; }

    /// <summary>Replicas of the consumer state; zero inherits the stream's (<c>num_replicas</c>).</summary>
    [JsonPropertyName("num_replicas")]
    public int NumReplicas { get; init; }

    /// <summary>Keep the consumer state in memory (<c>mem_storage</c>).</summary>
    [JsonPropertyName("mem_storage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool MemoryStorage { get; init; }

    /// <summary>Free-form key/value metadata (<c>metadata</c>; nats-server 2.10+).</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
