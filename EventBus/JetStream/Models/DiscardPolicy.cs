using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>What a full stream does with a new message (<c>discard</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiscardPolicy>))]
public enum DiscardPolicy
{
    /// <summary>Drop the oldest messages to make room.</summary>
    [JsonStringEnumMemberName("old")]
    Old,

    /// <summary>Refuse the new message.</summary>
    [JsonStringEnumMemberName("new")]
    New,
}
