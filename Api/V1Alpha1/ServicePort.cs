namespace ArgoEvents.Api.V1Alpha1;

/// <summary>Kubernetes <c>ServicePort</c>: one port of the Service an EventSource asks for.</summary>
public sealed record ServicePort
{
    /// <summary><c>name</c>.</summary>
    [ManifestField("name")]
    public string? Name { get; init; }

    /// <summary><c>protocol</c>: TCP (default), UDP or SCTP.</summary>
    [ManifestField("protocol")]
    public string? Protocol { get; init; }

    /// <summary><c>appProtocol</c>.</summary>
    [ManifestField("appProtocol")]
    public string? AppProtocol { get; init; }

    /// <summary><c>port</c>: the port the Service exposes.</summary>
    [ManifestField("port")]
    public int? Port { get; init; }

    /// <summary><c>targetPort</c>: the pod port, by number or by name.</summary>
    [ManifestField("targetPort")]
    public IntOrString? TargetPort { get; init; }

    /// <summary><c>nodePort</c>.</summary>
    [ManifestField("nodePort")]
    public int? NodePort { get; init; }
}
