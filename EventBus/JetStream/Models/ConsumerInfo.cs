using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>A consumer's configuration and progress as the server reports it.</summary>
public sealed record ConsumerInfo
{
    /// <summary>The stream the consumer reads (<c>stream_name</c>).</summary>
    [JsonPropertyName("stream_name")]
    public string StreamName { get; init; } = "";

    /// <summary>The consumer name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>When the consumer was created (<c>created</c>).</summary>
    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; init; }

    /// <summary>The active configuration with the server's defaults filled in (<c>config</c>).</summary>
    [JsonPropertyName("config")]
    public ConsumerConfig Config { get; init; } = new();

    /// <summary>The last message delivered (<c>delivered</c>).</summary>
    [JsonPropertyName("delivered")]
    public SequenceInfo Delivered { get; init; } = new();

    /// <summary>Everything at or below this point is acknowledged (<c>ack_floor</c>).</summary>
    [JsonPropertyName("ack_floor")]
    public SequenceInfo AckFloor { get; init; } = new();

    /// <summary>Delivered messages awaiting an ack (<c>num_ack_pending</c>).</summary>
    [JsonPropertyName("num_ack_pending")]
    public long NumAckPending { get; init; }

    /// <summary>Messages delivered more than once (<c>num_redelivered</c>).</summary>
    [JsonPropertyName("num_redelivered")]
    public long NumRedelivered { get; init; }

    /// <summary>Pull requests waiting (<c>num_waiting</c>).</summary>
    [JsonPropertyName("num_waiting")]
    public long NumWaiting { get; init; }

    /// <summary>Messages matching the consumer not yet delivered (<c>num_pending</c>).</summary>
    [JsonPropertyName("num_pending")]
    public ulong NumPending { get; init; }

    /// <summary>Raft group and replicas, on clustered servers (<c>cluster</c>).</summary>
    [JsonPropertyName("cluster")]
    public ClusterInfo? Cluster { get; init; }

    /// <summary>A push consumer has an active subscriber (<c>push_bound</c>).</summary>
    [JsonPropertyName("push_bound")]
    public bool PushBound { get; init; }
}
