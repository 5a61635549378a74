using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>On-disk compression of a stream (<c>compression</c>; nats-server 2.10 and newer).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StreamCompression>))]
public enum StreamCompression
{
    /// <summary>No compression.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>S2 compression.</summary>
    [JsonStringEnumMemberName("s2")]
    S2,
}
