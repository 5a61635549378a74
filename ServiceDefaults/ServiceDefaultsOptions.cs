namespace ArgoEvents.ServiceDefaults;

/// <summary>
/// What <see cref="ServiceDefaultsBuilderExtensions.AddServiceDefaults"/> sets up. Values are first read from
/// configuration (<see cref="SettingNames"/>); the configure callback sees them and has the last word.
/// </summary>
public sealed class ServiceDefaultsOptions
{
    /// <summary>The grace period used when <see cref="SettingNames.ShutdownGracePeriod"/> is not set.</summary>
    public static readonly TimeSpan DefaultShutdownGracePeriod = TimeSpan.FromSeconds(60);

    /// <summary>The metric label value used when <see cref="SettingNames.PodNamespace"/> is not set.</summary>
    public const string DefaultNamespace = "default";

    /// <summary>Service name in telemetry; null means <c>OTEL_SERVICE_NAME</c>, then the application name.</summary>
    public string? ServiceName { get; set; }

    /// <summary>The service's own ActivitySource names, traced in addition to ASP.NET Core and HttpClient.</summary>
    public IList<string> ActivitySourceNames { get; } = [];

    /// <summary>
    /// The service's own Meter names. They are exported over OTLP and exposed at <c>/metrics</c>, next to
    /// <see cref="Metrics.ArgoEventsMetrics.MeterName"/> and the runtime's meter.
    /// </summary>
    public IList<string> MeterNames { get; } = [];

    /// <summary>Time in-flight work gets after shutdown begins; becomes <c>HostOptions.ShutdownTimeout</c>.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = DefaultShutdownGracePeriod;

    /// <summary>
    /// Time the service keeps accepting connections, answering <c>/readyz</c> with 503, after shutdown begins and
    /// before the HTTP server stops listening. Zero by default; part of, not added to, the grace period.
    /// </summary>
    public TimeSpan ShutdownDrainDelay { get; set; } = TimeSpan.Zero;

    /// <summary>The constant <c>namespace</c> label on Argo's metrics.</summary>
    public string Namespace { get; set; } = DefaultNamespace;
}
