using System.Text.Json.Serialization;

namespace ArgoEvents.EventBus.JetStream.Models;

/// <summary>The <c>error</c> object of a failed JetStream API response.</summary>
public sealed record ApiError
{
    /// <summary>The HTTP-like status (<c>code</c>), e.g. 404 or 503.</summary>
    [JsonPropertyName("code")]
    public int Code { get; init; }

    /// <summary>The JetStream error code (<c>err_code</c>); see <see cref="JetStreamErrorCode"/>.</summary>
    [JsonPropertyName("err_code")]
    public int ErrorCode { get; init; }

    /// <summary>The server's description (<c>description</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
