namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>GenericEventSource</c>: events streamed by a user gRPC server.</summary>
public sealed record GenericEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Generic;

    /// <summary><c>url</c>: the gRPC server.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>config</c>: opaque configuration sent to the server.</summary>
    [ManifestField("config")]
    public string? Config { get; init; }

    /// <summary><c>insecure</c>: connect without TLS.</summary>
    [ManifestField("insecure")]
    public bool Insecure { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>authSecret</c>: a bearer token sent to the server.</summary>
    [ManifestField("authSecret")]
    public SecretKeySelector? AuthSecret { get; init; }

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }
}
