using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>A stream that another stream mirrors or sources from (<c>mirror</c>, <c>sources[]</c>).</summary>
public sealed record StreamSource
{
    /// <summary>The origin stream's name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Start at this sequence of the origin (<c>opt_start_seq</c>).</summary>
    [JsonPropertyName("opt_start_seq")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong OptStartSequence { get; init; }

    /// <summary>Start at this time in the origin (<c>opt_start_time</c>).</summary>
    [JsonPropertyName("opt_start_time")]
    public DateTimeOffset? OptStartTime { get; init; }

    /// <summary>Only take the origin's messages on this subject (<c>filter_subject</c>).</summary>
    [JsonPropertyName("filter_subject")]
    public string? FilterSubject { get; init; }

    /// <summary>The origin lives in another account or domain (<c>external</c>).</summary>
    [JsonPropertyName("external")]
    public ExternalStream? External { get; init; }
}
