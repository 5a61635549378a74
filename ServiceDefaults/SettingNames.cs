namespace ArgoEvents.ServiceDefaults;

/// <summary>
/// Configuration keys the service defaults read. In a host they come from environment variables of the same name
/// (the orchestrator and the Kubernetes manifests set them) or from any other configuration source.
/// </summary>
public static class SettingNames
{
    /// <summary>How long in-flight work may run after SIGTERM: a Go duration ("45s") or seconds ("45").</summary>
    public const string ShutdownGracePeriod = "SHUTDOWN_GRACE_PERIOD";

    /// <summary>
    /// How long the service keeps serving, with readiness false, after SIGTERM before the HTTP server stops
    /// accepting connections: a Go duration or seconds. Gives load balancers time to notice.
    /// </summary>
    public const string ShutdownDrainDelay = "SHUTDOWN_DRAIN_DELAY";

    /// <summary>The Kubernetes namespace, used as the constant <c>namespace</c> label of Argo's metrics.</summary>
    public const string PodNamespace = "POD_NAMESPACE";

    /// <summary>OTLP collector address; when absent nothing is exported.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>OTLP transport: <c>grpc</c> (the default, and what Aspire sets) or <c>http/protobuf</c>.</summary>
    public const string OtlpProtocol = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>The service name reported in telemetry; defaults to the application name.</summary>
    public const string ServiceName = "OTEL_SERVICE_NAME";
}
