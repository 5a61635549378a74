namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>CustomTrigger</c>: hand the trigger to a gRPC trigger server.</summary>
public sealed record CustomTrigger
{
    /// <summary><c>serverURL</c>: the gRPC server.</summary>
    [ManifestField("serverURL")]
    public string? ServerUrl { get; init; }

    /// <summary><c>secure</c>: use TLS.</summary>
    [ManifestField("secure")]
    public bool Secure { get; init; }

    /// <summary><c>certSecret</c>: the server certificate.</summary>
    [ManifestField("certSecret")]
    public SecretKeySelector? CertSecret { get; init; }

    /// <summary><c>serverNameOverride</c>: the TLS server name.</summary>
    [ManifestField("serverNameOverride")]
    public string? ServerNameOverride { get; init; }

    /// <summary><c>spec</c>: settings only the trigger server interprets.</summary>
    [ManifestField("spec")]
    public IReadOnlyDictionary<string, string> Spec { get; init; } = EmptyMap<string>.Instance;

    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];

    /// <summary><c>payload</c>: how the request payload is built.</summary>
    [ManifestField("payload")]
    public IReadOnlyList<TriggerParameter> Payload { get; init; } = [];
}
