using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>An account's JetStream limits; −1 means unlimited (<c>limits</c>).</summary>
public sealed record AccountLimits
{
    /// <summary>Memory storage allowed, bytes (<c>max_memory</c>).</summary>
    [JsonPropertyName("max_memory")]
    public long MaxMemory { get; init; }

    /// <summary>File storage allowed, bytes (<c>max_storage</c>).</summary>
    [JsonPropertyName("max_storage")]
    public long MaxStorage { get; init; }

    /// <summary>Streams allowed (<c>max_streams</c>).</summary>
    [JsonPropertyName("max_streams")]
    public int MaxStreams { get; init; }

    /// <summary>Consumers allowed (<c>max_consumers</c>).</summary>
    [JsonPropertyName("max_consumers")]
    public int MaxConsumers { get; init; }

    /// <summary>Ceiling on a consumer's max ack pending (<c>max_ack_pending</c>).</summary>
    [JsonPropertyName("max_ack_pending")]
    public int MaxAckPending { get; init; }

    /// <summary>Largest memory stream, bytes (<c>memory_max_stream_bytes</c>).</summary>
    [JsonPropertyName("memory_max_stream_bytes")]
    public long MemoryMaxStreamBytes { get; init; }

    /// <summary>Largest file stream, bytes (<c>storage_max_stream_bytes</c>).</summary>
    [JsonPropertyName("storage_max_stream_bytes")]
    public long StorageMaxStreamBytes { get; init; }

    /// <summary>Streams must declare max_bytes (<c>max_bytes_required</c>).</summary>
    [JsonPropertyName("max_bytes_required")]
    public bool MaxBytesRequired { get; init; }
}
