namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>MQTTEventSource</c>: messages from an MQTT topic.</summary>
public sealed record MqttEventSource : EventSourceEntry
{
    /// <inheritdoc />
    public override EventSourceType SourceType => EventSourceTypes.Mqtt;

    /// <summary><c>url</c>: the broker URL.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary><c>topic</c>: the topic.</summary>
    [ManifestField("topic")]
    public string? Topic { get; init; }

    /// <summary><c>clientId</c>: the client id.</summary>
    [ManifestField("clientId")]
    public string? ClientId { get; init; }

    /// <summary><c>connectionBackoff</c>: retries of the connection.</summary>
    [ManifestField("connectionBackoff")]
    public Backoff? ConnectionBackoff { get; init; }

    /// <summary><c>jsonBody</c>: the message body is JSON and is embedded as such (otherwise it is carried as base64 text).</summary>
    [ManifestField("jsonBody")]
    public bool JsonBody { get; init; }

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>metadata</c>: passed along in every event payload.</summary>
    [ManifestField("metadata")]
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>filter</c>: drops events whose payload does not satisfy the expression.</summary>
    [ManifestField("filter")]
    public EventSourceFilter? Filter { get; init; }

    /// <summary><c>auth</c>: username and password.</summary>
    [ManifestField("auth")]
    public BasicAuth? Auth { get; init; }

    /// <summary>
    /// <c>qos</c> (an extension of this build; Argo always subscribes with QoS 0): the subscription's QoS, 0 or 1,
    /// default 0. QoS 1 keeps a persistent session under <c>clientId</c> and acknowledges each message only once the
    /// bus stored its event. QoS 2 is not supported.
    /// </summary>
    [ManifestField("qos")]
    public int? Qos { get; init; }
}
