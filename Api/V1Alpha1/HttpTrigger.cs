namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>HTTPTrigger</c>: an HTTP request whose body is built from events.</summary>
public sealed record HttpTrigger
{
    /// <summary>The method used when none is written: <c>POST</c>.</summary>
    public const string DefaultMethod = "POST";

    /// <summary><c>url</c>: where the request goes.</summary>
    [ManifestField("url")]
    public string? Url { get; init; }

    /// <summary>
    /// <c>serverURL</c>: the name Argo before 1.0 gave <c>url</c>; Argo's own HTTP trigger tutorial still writes it,
    /// so it is read as <c>url</c> when <c>url</c> is not written.
    /// </summary>
    [ManifestField("serverURL")]
    public string? DeprecatedServerUrl { get; init; }

    /// <summary><c>payload</c>: how the request body is built.</summary>
    [ManifestField("payload")]
    public IReadOnlyList<TriggerParameter> Payload { get; init; } = [];

    /// <summary><c>tls</c>: TLS settings of the client.</summary>
    [ManifestField("tls")]
    public TlsConfig? Tls { get; init; }

    /// <summary><c>method</c>: the HTTP method (default POST).</summary>
    [ManifestField("method")]
    public string? Method { get; init; }

    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>timeout</c>: the request timeout in seconds (default 60).</summary>
    [ManifestField("timeout")]
    public long? Timeout { get; init; }

    /// <summary><c>basicAuth</c>: credentials for the request.</summary>
    [ManifestField("basicAuth")]
    public BasicAuth? BasicAuth { get; init; }

    /// <summary><c>headers</c>: fixed request headers.</summary>
    [ManifestField("headers")]
    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>secureHeaders</c>: headers whose values come from Secrets or ConfigMaps.</summary>
    [ManifestField("secureHeaders")]
    public IReadOnlyList<SecureHeader> SecureHeaders { get; init; } = [];

    /// <summary><c>dynamicHeaders</c>: headers whose values come from events.</summary>
    [ManifestField("dynamicHeaders")]
    public IReadOnlyList<TriggerParameter> DynamicHeaders { get; init; } = [];

    /// <summary><c>host</c>: the Host header (virtual hosting).</summary>
    [ManifestField("host")]
    public string? Host { get; init; }

    /// <summary>The URL Argo calls: <see cref="Url"/>, else <see cref="DeprecatedServerUrl"/>.</summary>
    public string? EffectiveUrl => string.IsNullOrEmpty(Url) ? DeprecatedServerUrl : Url;

    /// <summary>The method Argo uses: <see cref="Method"/> or POST.</summary>
    public string EffectiveMethod => string.IsNullOrEmpty(Method) ? DefaultMethod : Method;
}
