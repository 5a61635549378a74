using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>JetStream usage and limits of the connected account (<c>$JS.API.INFO</c>).</summary>
public sealed record AccountInfo
{
    /// <summary>Memory storage in use, bytes (<c>memory</c>).</summary>
    [JsonPropertyName("memory")]
    public ulong Memory { get; init; }

    /// <summary>File storage in use, bytes (<c>storage</c>).</summary>
    [JsonPropertyName("storage")]
    public ulong Storage { get; init; }

    /// <summary>Streams in the account (<c>streams</c>).</summary>
    [JsonPropertyName("streams")]
    public int Streams { get; init; }

    /// <summary>Consumers in the account (<c>consumers</c>).</summary>
    [JsonPropertyName("consumers")]
    public int Consumers { get; init; }

    /// <summary>The account's limits (<c>limits</c>).</summary>
    [JsonPropertyName("limits")]
    public AccountLimits Limits { get; init; } = new();

    /// <summary>The JetStream domain, when one is set (<c>domain</c>).</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>API call counters (<c>api</c>).</summary>
    [JsonPropertyName("api")]
    public ApiStats Api { get; init; } = new();
}
