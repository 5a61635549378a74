using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>Where a stream keeps its messages (<c>storage</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StorageType>))]
public enum StorageType
{
    /// <summary>On disk, survives restarts.</summary>
    [JsonStringEnumMemberName("file")]
    File,

    /// <summary>In memory only.</summary>
    [JsonStringEnumMemberName("memory")]
    Memory,
}
