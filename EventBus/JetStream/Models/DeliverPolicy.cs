using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>Where in the stream a new consumer starts (<c>deliver_policy</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliverPolicy>))]
public enum DeliverPolicy
{
    /// <summary>From the first message.</summary>
    [JsonStringEnumMemberName("all")]
    All,

    /// <summary>From the last message.</summary>
    [JsonStringEnumMemberName("last")]
    Last,

    /// <summary>Only messages stored after the consumer was created.</summary>
    [JsonStringEnumMemberName("new")]
    New,

    /// <summary>From <see cref="ConsumerConfig.OptStartSequence"/>.</summary>
    [JsonStringEnumMemberName("by_start_sequence")]
    ByStartSequence,

    /// <summary>From <see cref="ConsumerConfig.OptStartTime"/>.</summary>
    [JsonStringEnumMemberName("by_start_time")]
    ByStartTime,

    /// <summary>The last message of every subject (2.9 needs a filter subject).</summary>
    [JsonStringEnumMemberName("last_per_subject")]
    LastPerSubject,
}
