namespace ArgoEvents.EventSources.Sources.Webhook;

/// <summary>
/// One webhook route, resolved from an event's spec: where it listens, what it accepts, and what it adds to the
/// payload. The HTTP-family sources (github, gitlab, ...) run on the same routes with their own request checks.
/// </summary>
public sealed record WebhookEndpoint
{
    /// <summary>Argo's default <c>maxPayloadSize</c>: 1 MiB.</summary>
    public const long DefaultMaxPayloadSize = 1024 * 1024;

    /// <summary>The event's name in the spec.</summary>
    public required string EventName { get; init; }

    /// <summary>The port from the spec (what users and Services see).</summary>
    public required int Port { get; init; }

    /// <summary>The path, always starting with '/'.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The HTTP method the route accepts, upper case.</summary>
    public required string Method { get; init; }

    /// <summary>The bearer token requests must carry (<c>authSecret</c>), or null.</summary>
    public string? AuthToken { get; init; }

    /// <summary>The largest body accepted (<c>maxPayloadSize</c>).</summary>
    public long MaxPayloadSize { get; init; } = DefaultMaxPayloadSize;

    /// <summary>Key/values copied into every payload (<c>metadata</c>).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Normalizes an endpoint from the spec: a leading '/' is added when missing.</summary>
    public static string NormalizeEndpoint(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.StartsWith('/') ? endpoint : "/" + endpoint;
    }
}
