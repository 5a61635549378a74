using ArgoEvents.Api.V1Alpha1;
using ArgoEvents.Sensors.Triggers.Http;

namespace ArgoEvents.Sensors.Triggers.OpenWhisk;

/// <summary>
/// Creates <c>openWhisk</c> triggers (either spelling of the key): reads the <c>authToken</c> (<c>user:password</c>,
/// sent as basic auth), and checks the action URL when no parameter can change it.
/// </summary>
internal sealed class OpenWhiskTriggerFactory : ITriggerFactory
{
    /// <summary>The timeout of one blocking invocation (OpenWhisk's own limit for blocking calls is 60 seconds).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <inheritdoc />
    public TriggerType Type => TriggerType.OpenWhisk;

    /// <inheritdoc />
    public ITrigger Create(Trigger trigger, string fieldPath, TriggerServices services)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentException.ThrowIfNullOrEmpty(fieldPath);
        ArgumentNullException.ThrowIfNull(services);
        var key = trigger.Template?.OpenWhisk is null ? "openwhisk" : "openWhisk";
        var path = $"{fieldPath}.template.{key}";
        var spec = trigger.Template?.EffectiveOpenWhisk
            ?? throw new TriggerConfigurationException($"{fieldPath}.template.openWhisk is required for an openWhisk trigger.");
        var token = TriggerSecrets.Read(services, spec.AuthToken, path + ".authToken");
        if (trigger.Parameters.Count == 0 && spec.Parameters.Count == 0)
        {
            OpenWhiskTrigger.InvocationUrl(spec, path);
        }

        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = RequestTimeout };
        return new OpenWhiskTrigger(http, token, trigger.Policy?.Status?.Allow, path);
    }
}
