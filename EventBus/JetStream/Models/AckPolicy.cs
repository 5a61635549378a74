using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>How a consumer's messages are acknowledged (<c>ack_policy</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AckPolicy>))]
public enum AckPolicy
{
    /// <summary>No acknowledgement; delivered means done.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Acknowledging a message acknowledges every earlier one.</summary>
    [JsonStringEnumMemberName("all")]
    All,

    /// <summary>Every message is acknowledged on its own.</summary>
    [JsonStringEnumMemberName("explicit")]
    Explicit,
}
