using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Triggers.Http;

/// <summary>
/// Creates <c>http</c> triggers: checks the URL, reads the secrets the headers, basic auth and TLS settings name, and
/// builds the pooled client the trigger keeps for its lifetime (timeout from <c>timeout</c>, default 60 seconds).
/// </summary>
internal sealed class HttpTriggerFactory : ITriggerFactory
{
    /// <summary>The request timeout when the spec sets none, as Argo's.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Where ConfigMaps named by <c>secureHeaders</c> are mounted (Argo's <c>/argo-events/config</c>).</summary>
    public string ConfigMapsDirectory { get; init; } = TriggerSecrets.DefaultConfigMapsDirectory;

    /// <inheritdoc />
    public TriggerType Type => TriggerType.Http;

    /// <inheritdoc />
    public ITrigger Create(Trigger trigger, string fieldPath, TriggerServices services)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentException.ThrowIfNullOrEmpty(fieldPath);
        ArgumentNullException.ThrowIfNull(services);
        var httpPath = fieldPath + ".template.http";
        var spec = trigger.Template?.Http ?? throw new TriggerConfigurationException($"{httpPath} is required for an http trigger.");
        var parameterized = trigger.Parameters.Count > 0 || spec.Parameters.Count > 0;

        // A URL that parameters write is only checked once they have run.
        HttpRequestPlan? plan = parameterized && !IsHttpUrl(spec.EffectiveUrl)
            ? null
            : HttpRequestPlan.Build(spec, services, ConfigMapsDirectory, httpPath);
        if (spec.Timeout is < 0)
        {
            throw new TriggerConfigurationException($"{httpPath}.timeout must not be negative, got {spec.Timeout}.");
        }

        var timeout = spec.Timeout is long seconds and > 0 ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;
        var tls = spec.Tls is { } tlsConfig ? TlsClientMaterial.Load(tlsConfig, services, httpPath) : null;
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            MaxAutomaticRedirections = 10,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (tls is not null)
        {
            handler.SslOptions = tls.CreateOptions();
        }

        var client = new HttpClient(handler, disposeHandler: true) { Timeout = timeout };
        return new HttpTrigger(client, tls, spec, plan, trigger.Policy?.Status?.Allow, timeout, services, ConfigMapsDirectory, httpPath);
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
