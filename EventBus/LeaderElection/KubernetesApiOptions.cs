using System.Globalization;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>How to reach the Kubernetes API server: its address, the bearer token, and the CA that signed its certificate.</summary>
public sealed record KubernetesApiOptions
{
    /// <summary>Where a pod's service account token, CA certificate and namespace are mounted.</summary>
    public const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>Creates the options for an API server address.</summary>
    /// <param name="server">The API server's base address, e.g. <c>https://10.96.0.1:443/</c>.</param>
    public KubernetesApiOptions(Uri server)
    {
        Server = server;
    }

    /// <summary>The API server's base address.</summary>
    public Uri Server { get; init; }

    /// <summary>A fixed bearer token; used when <see cref="BearerTokenFile"/> is not set.</summary>
    public string? BearerToken { get; init; }

    /// <summary>A file holding the bearer token, read again every <see cref="BearerTokenRefreshInterval"/> because projected service account tokens rotate.</summary>
    public string? BearerTokenFile { get; init; }

    /// <summary>How long a token read from <see cref="BearerTokenFile"/> is used before the file is read again.</summary>
    public TimeSpan BearerTokenRefreshInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>PEM file of the CA that signed the API server's certificate; null trusts the system's roots.</summary>
    public string? CertificateAuthorityFile { get; init; }

    /// <summary>A handler to send requests through instead of a new one (its TLS settings then apply); the caller keeps owning it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>
    /// The in-cluster settings of a pod: <c>https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT</c>, the service
    /// account token file (re-read as it rotates) and its <c>ca.crt</c>.
    /// </summary>
    /// <param name="getEnvironmentVariable">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">The variables are missing: not running in a pod.</exception>
    public static KubernetesApiOptions InCluster(Func<string, string?>? getEnvironmentVariable = null)
    {
        getEnvironmentVariable ??= Environment.GetEnvironmentVariable;
        var host = getEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        var port = getEnvironmentVariable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrWhiteSpace(host) || string.IsNullOrWhiteSpace(port))
        {
            throw new InvalidOperationException(
                "Kubernetes leader election needs the in-cluster API, but KUBERNETES_SERVICE_HOST or KUBERNETES_SERVICE_PORT is not set: this process is not running in a pod. Pass KubernetesApiOptions with the API server address and a token instead.");
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var portNumber) || portNumber is < 1 or > 65535)
        {
            throw new InvalidOperationException($"KUBERNETES_SERVICE_PORT='{port}' is not a TCP port number.");
        }

        // An IPv6 service address needs brackets in a URL.
        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new KubernetesApiOptions(new Uri($"https://{authority}:{portNumber.ToString(CultureInfo.InvariantCulture)}/"))
        {
            BearerTokenFile = Path.Combine(ServiceAccountDirectory, "token"),
            CertificateAuthorityFile = Path.Combine(ServiceAccountDirectory, "ca.crt"),
        };
    }

    /// <summary>Throws when a setting is missing or invalid; the message names it.</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public void Validate()
    {
        if (Server is null || !Server.IsAbsoluteUri || (Server.Scheme != Uri.UriSchemeHttps && Server.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"KubernetesApiOptions.Server '{Server}' must be an absolute http or https address.", nameof(Server));
        }

        if (BearerTokenRefreshInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"KubernetesApiOptions.BearerTokenRefreshInterval must be positive, not {BearerTokenRefreshInterval}.", nameof(BearerTokenRefreshInterval));
        }
    }
}
