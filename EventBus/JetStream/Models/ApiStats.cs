using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>JetStream API call counters of an account (<c>api</c>).</summary>
public sealed record ApiStats
{
    /// <summary>API calls made (<c>total</c>).</summary>
    [JsonPropertyName("total")]
    public ulong Total { get; init; }

    /// <summary>API calls that failed (<c>errors</c>).</summary>
    [JsonPropertyName("errors")]
    public ulong Errors { get; init; }
}
