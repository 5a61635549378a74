using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>When a stream may drop messages it has stored (<c>retention</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RetentionPolicy>))]
public enum RetentionPolicy
{
    /// <summary>Messages stay until a limit (count, bytes, age) removes them.</summary>
    [JsonStringEnumMemberName("limits")]
    Limits,

    /// <summary>Messages stay while some consumer has not acknowledged them.</summary>
    [JsonStringEnumMemberName("interest")]
    Interest,

    /// <summary>Each message is removed once one consumer acknowledged it.</summary>
    [JsonStringEnumMemberName("workqueue")]
    WorkQueue,
}
