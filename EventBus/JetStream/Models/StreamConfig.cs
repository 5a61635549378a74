using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>
/// The configuration of a stream, field for field as nats-server 2.9.10 accepts it. Limits use −1 for
/// "unlimited" and durations use <see cref="TimeSpan.Zero"/> for "forever" or "server default", as the server does.
/// The 2.10+ members are refused by <see cref="JetStreamContext"/> when the connected server is older.
/// </summary>
public sealed record StreamConfig
{
    /// <summary>Creates an empty configuration; set <see cref="Name"/> before use.</summary>
    public StreamConfig()
    {
    }

    /// <summary>Creates a configuration for a stream with a name and the subjects it captures.</summary>
    /// <param name="name">The stream name.</param>
    /// <param name="subjects">The subjects the stream stores.</param>
    public StreamConfig(string name, params IReadOnlyList<string> subjects)
    {
        Name = name;
        Subjects = subjects;
    }

    /// <summary>The stream name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>A free-text description (<c>description</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The subjects the stream stores (<c>subjects</c>).</summary>
    [JsonPropertyName("subjects")]
    public IReadOnlyList<string>? Subjects { get; init; }

    /// <summary>When stored messages may be dropped (<c>retention</c>).</summary>
    [JsonPropertyName("retention")]
    public RetentionPolicy Retention { get; init; } = RetentionPolicy.Limits;

    /// <summary>Most consumers the stream allows; −1 for unlimited (<c>max_consumers</c>).</summary>
    [JsonPropertyName("max_consumers")]
    public int MaxConsumers { get; init; } = -1;

    /// <summary>Most messages kept; −1 for unlimited (<c>max_msgs</c>).</summary>
    [JsonPropertyName("max_msgs")]
    public long MaxMsgs { get; init; } = -1;

    /// <summary>Most bytes kept; −1 for unlimited (<c>max_bytes</c>).</summary>
    [JsonPropertyName("max_bytes")]
    public long MaxBytes { get; init; } = -1;

    /// <summary>Oldest message age kept; zero keeps messages forever (<c>max_age</c>).</summary>
    [JsonPropertyName("max_age")]
    public TimeSpan MaxAge { get; init; }

    /// <summary>Most messages kept per subject; −1 for unlimited (<c>max_msgs_per_subject</c>).</summary>
    [JsonPropertyName("max_msgs_per_subject")]
    public long MaxMsgsPerSubject { get; init; } = -1;

    /// <summary>Largest message accepted in bytes; −1 for the server limit (<c>max_msg_size</c>).</summary>
    [JsonPropertyName("max_msg_size")]
    public int MaxMsgSize { get; init; } = -1;

    /// <summary>What a full stream does with new messages (<c>discard</c>).</summary>
    [JsonPropertyName("discard")]
    public DiscardPolicy Discard { get; init; } = DiscardPolicy.Old;

    /// <summary>Where messages are kept (<c>storage</c>).</summary>
    [JsonPropertyName("storage")]
    public StorageType Storage { get; init; } = StorageType.File;

    /// <summary>Number of replicas, 1 to 5; more than 1 needs a cluster (<c>num_replicas</c>).</summary>
    [JsonPropertyName("num_replicas")]
    public int NumReplicas { get; init; } = 1;

    /// <summary>Publishes to the stream get no PubAck (<c>no_ack</c>).</summary>
    [JsonPropertyName("no_ack")]
    public bool NoAck { get; init; }

    /// <summary>The stream template that owns this stream, if any (<c>template_owner</c>).</summary>
    [JsonPropertyName("template_owner")]
    public string? TemplateOwner { get; init; }

    /// <summary>Window in which a repeated <c>Nats-Msg-Id</c> is a duplicate; zero means the server default of 2 minutes (<c>duplicate_window</c>).</summary>
    [JsonPropertyName("duplicate_window")]
    public TimeSpan DuplicateWindow { get; init; }

    /// <summary>Where the stream's replicas are placed (<c>placement</c>).</summary>
    [JsonPropertyName("placement")]
    public Placement? Placement { get; init; }

    /// <summary>The stream this one mirrors (<c>mirror</c>).</summary>
    [JsonPropertyName("mirror")]
    public StreamSource? Mirror { get; init; }

    /// <summary>The streams this one sources from (<c>sources</c>).</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<StreamSource>? Sources { get; init; }

    /// <summary>Republish stored messages to another subject (<c>republish</c>).</summary>
    [JsonPropertyName("republish")]
    public RePublish? RePublish { get; init; }

    /// <summary>Allow direct gets served by any replica (<c>allow_direct</c>).</summary>
    [JsonPropertyName("allow_direct")]
    public bool AllowDirect { get; init; }

    /// <summary>Let mirrors of this stream answer direct gets too (<c>mirror_direct</c>).</summary>
    [JsonPropertyName("mirror_direct")]
    public bool MirrorDirect { get; init; }

    /// <summary>Apply discard-new per subject rather than per stream (<c>discard_new_per_subject</c>).</summary>
    [JsonPropertyName("discard_new_per_subject")]
    public bool DiscardNewPerSubject { get; init; }

    /// <summary>The stream accepts no more changes of any kind (<c>sealed</c>).</summary>
    [JsonPropertyName("sealed")]
    public bool Sealed { get; init; }

    /// <summary>Messages cannot be deleted through the API (<c>deny_delete</c>).</summary>
    [JsonPropertyName("deny_delete")]
    public bool DenyDelete { get; init; }

    /// <summary>The stream cannot be purged through the API (<c>deny_purge</c>).</summary>
    [JsonPropertyName("deny_purge")]
    public bool DenyPurge { get; init; }

    /// <summary>Honour the <c>Nats-Rollup</c> header (<c>allow_rollup_hdrs</c>).</summary>
    [JsonPropertyName("allow_rollup_hdrs")]
    public bool AllowRollupHeaders { get; init; }

    /// <summary>On-disk compression (<c>compression</c>; nats-server 2.10+).</summary>
    [JsonPropertyName("compression")]
    public StreamCompression? Compression { get; init; }

    /// <summary>The first sequence of a new stream (<c>first_seq</c>; nats-server 2.10+).</summary>
    [JsonPropertyName("first_seq")]
    public ulong? FirstSequence { get; init; }

    /// <summary>Rewrites incoming subjects (<c>subject_transform</c>; nats-server 2.10+).</summary>
    [JsonPropertyName("subject_transform")]
    public SubjectTransform? SubjectTransform { get; init; }

    /// <summary>Free-form key/value metadata (<c>metadata</c>; nats-server 2.10+).</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Defaults and ceilings for the stream's consumers (<c>consumer_limits</c>; nats-server 2.10+).</summary>
    [JsonPropertyName("consumer_limits")]
    public StreamConsumerLimits? ConsumerLimits { get; init; }

    /// <summary>Allow the per-message <c>Nats-TTL</c> header (<c>allow_msg_ttl</c>; nats-server 2.11+).</summary>
    [JsonPropertyName("allow_msg_ttl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AllowMsgTtl { get; init; }
}
