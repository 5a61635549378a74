using System.Net.Http.Headers;
using System.Text;
using ArgoEvents.Api.V1Alpha1;
using HttpTriggerSpec = ArgoEvents.Api.V1Alpha1.HttpTrigger;

namespace ArgoEvents.Sensors.Triggers.Http;

/// <summary>
/// What an HTTP trigger spec asks for before the events are known: the target, the method and the headers whose values
/// come from the spec, secrets and ConfigMaps. Built once for the spec the trigger was created with, and again for a
/// spec its parameters rewrote.
/// </summary>
internal sealed class HttpRequestPlan
{
    private HttpRequestPlan(Uri url, HttpMethod method, string? host, KeyValuePair<string, string>[] plainHeaders, KeyValuePair<string, string>[] protectedHeaders)
    {
        Url = url;
        Method = method;
        Host = host;
        PlainHeaders = plainHeaders;
        ProtectedHeaders = protectedHeaders;
        HasContentType = plainHeaders.Concat(protectedHeaders).Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The request target.</summary>
    public Uri Url { get; }

    /// <summary>The request method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The Host header to send instead of the URL's, when the spec sets <c>host</c>.</summary>
    public string? Host { get; }

    /// <summary>The <c>headers</c> of the spec; a dynamic header of the same name replaces one of these.</summary>
    public KeyValuePair<string, string>[] PlainHeaders { get; }

    /// <summary>The <c>secureHeaders</c> and the basic-auth Authorization header, which Argo sets last so they win.</summary>
    public KeyValuePair<string, string>[] ProtectedHeaders { get; }

    /// <summary>Whether a header of the spec sets Content-Type (otherwise a body is sent as application/json).</summary>
    public bool HasContentType { get; }

    /// <summary>Builds the plan of <paramref name="spec"/>; <paramref name="fieldPath"/> is the <c>http</c> field.</summary>
    /// <exception cref="TriggerConfigurationException">The URL, a secret or a ConfigMap value is not usable.</exception>
    public static HttpRequestPlan Build(HttpTriggerSpec spec, TriggerServices services, string configMapsDirectory, string fieldPath)
    {
        var urlText = spec.EffectiveUrl;
        if (string.IsNullOrEmpty(urlText)
            || !Uri.TryCreate(urlText, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new TriggerConfigurationException($"{fieldPath}.url must be an absolute http or https URL, got '{urlText}'.");
        }

        var method = HttpMethod.Parse(spec.EffectiveMethod);
        var plain = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in spec.Headers)
        {
            plain[name] = value;
        }

        var protectedHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < spec.SecureHeaders.Count; i++)
        {
            var header = spec.SecureHeaders[i];
            var headerPath = $"{fieldPath}.secureHeaders[{i}]";
            if (string.IsNullOrEmpty(header.Name))
            {
                throw new TriggerConfigurationException($"{headerPath}.name is required.");
            }

            var value = header.ValueFrom switch
            {
                { SecretKeyRef: { } secret, ConfigMapKeyRef: null } => TriggerSecrets.Read(services, secret, headerPath + ".valueFrom.secretKeyRef"),
                { SecretKeyRef: null, ConfigMapKeyRef: { } configMap } => TriggerSecrets.ReadConfigMap(configMapsDirectory, configMap, headerPath + ".valueFrom.configMapKeyRef"),
                _ => throw new TriggerConfigurationException($"{headerPath}.valueFrom must set exactly one of secretKeyRef or configMapKeyRef."),
            };

            // An optional secret that is absent leaves the header out rather than sending it empty.
            if (value is not null)
            {
                plain.Remove(header.Name);
                protectedHeaders[header.Name] = value;
            }
        }

        if (spec.BasicAuth is { } basicAuth)
        {
            var user = TriggerSecrets.Read(services, basicAuth.Username, fieldPath + ".basicAuth.username") ?? string.Empty;
            var password = TriggerSecrets.Read(services, basicAuth.Password, fieldPath + ".basicAuth.password") ?? string.Empty;
            plain.Remove("Authorization");
            protectedHeaders["Authorization"] = BasicAuthorization(user, password);
        }

        return new HttpRequestPlan(url, method, string.IsNullOrEmpty(spec.Host) ? null : spec.Host, [.. plain], [.. protectedHeaders]);
    }

    /// <summary>The value of an Authorization header carrying <paramref name="user"/> and <paramref name="password"/>.</summary>
    public static string BasicAuthorization(string user, string password) =>
        new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password))).ToString();

    /// <summary>Whether <paramref name="name"/> is one of <see cref="ProtectedHeaders"/>.</summary>
    public bool IsProtected(string name)
    {
        foreach (var header in ProtectedHeaders)
        {
            if (header.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
