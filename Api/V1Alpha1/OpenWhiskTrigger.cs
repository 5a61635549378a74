namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Argo's <c>OpenWhiskTrigger</c>: invoke an Apache OpenWhisk action.</summary>
public sealed record OpenWhiskTrigger
{
    /// <summary><c>host</c>: the OpenWhisk host.</summary>
    [ManifestField("host")]
    public string? Host { get; init; }

    /// <summary><c>version</c>: the API version (default v1).</summary>
    [ManifestField("version")]
    public string? Version { get; init; }

    /// <summary><c>namespace</c>: the action's namespace (default <c>_</c>).</summary>
    [ManifestField("namespace")]
    public string? Namespace { get; init; }

    /// <summary><c>authToken</c>.</summary>
    [ManifestField("authToken")]
    public SecretKeySelector? AuthToken { get; init; }

    /// <summary><c>actionName</c>.</summary>
    [ManifestField("actionName")]
    public string? ActionName { get; init; }

    /// <summary><c>payload</c>: how the invocation payload is built.</summary>
    [ManifestField("payload")]
    public IReadOnlyList<TriggerParameter> Payload { get; init; } = [];

    /// <summary><c>parameters</c>: values from events written into this trigger's settings.</summary>
    [ManifestField("parameters")]
    public IReadOnlyList<TriggerParameter> Parameters { get; init; } = [];
}
