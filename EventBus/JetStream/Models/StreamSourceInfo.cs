using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>How far a mirror or source has caught up with its origin.</summary>
public sealed record StreamSourceInfo
{
    /// <summary>The origin stream (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The origin's account or domain, when external (<c>external</c>).</summary>
    [JsonPropertyName("external")]
    public ExternalStream? External { get; init; }

    /// <summary>Messages not yet copied (<c>lag</c>).</summary>
    [JsonPropertyName("lag")]
    public ulong Lag { get; init; }

    /// <summary>Time since the origin was last heard from (<c>active</c>).</summary>
    [JsonPropertyName("active")]
    public TimeSpan Active { get; init; }

    /// <summary>Why copying is failing, if it is (<c>error</c>).</summary>
    [JsonPropertyName("error")]
    public ApiError? Error { get; init; }
}
