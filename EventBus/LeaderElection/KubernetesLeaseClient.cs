using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>GET, POST and PUT of one <c>coordination.k8s.io/v1</c> Lease over HTTP.</summary>
internal sealed class KubernetesLeaseClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly KubernetesBearerToken _token;
    private readonly string _collectionPath;
    private readonly string _leasePath;

    public KubernetesLeaseClient(KubernetesApiOptions api, string @namespace, string name)
    {
        _token = new KubernetesBearerToken(api);
        _http = api.HttpMessageHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : new HttpClient(KubernetesHttpHandler.Create(api), disposeHandler: true);
        _http.BaseAddress = api.Server;
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _collectionPath = $"apis/coordination.k8s.io/v1/namespaces/{Uri.EscapeDataString(@namespace)}/leases";
        _leasePath = $"{_collectionPath}/{Uri.EscapeDataString(name)}";
    }

    /// <summary>The lease, or null when it does not exist (404).</summary>
    public async Task<KubernetesLease?> GetAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, _leasePath, null, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.OK => KubernetesLease.Parse(body, Describe(HttpMethod.Get, _leasePath)),
            HttpStatusCode.NotFound => null,
            _ => throw Refused(HttpMethod.Get, _leasePath, status, body),
        };
    }

    /// <summary>Creates the lease; null when it already exists (409: someone else created it first).</summary>
    public async Task<KubernetesLease?> CreateAsync(string leaseJson, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, _collectionPath, leaseJson, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.Created or HttpStatusCode.OK => KubernetesLease.Parse(body, Describe(HttpMethod.Post, _collectionPath)),
            HttpStatusCode.Conflict => null,
            _ => throw Refused(HttpMethod.Post, _collectionPath, status, body),
        };
    }

    /// <summary>Replaces the lease; null when its resourceVersion is stale (409: someone else wrote it).</summary>
    public async Task<KubernetesLease?> ReplaceAsync(string leaseJson, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Put, _leasePath, leaseJson, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.OK or HttpStatusCode.Created => KubernetesLease.Parse(body, Describe(HttpMethod.Put, _leasePath)),
            HttpStatusCode.Conflict => null,
            _ => throw Refused(HttpMethod.Put, _leasePath, status, body),
        };
    }

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (await _token.GetAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token may have rotated since it was read.
            _token.Invalidate();
        }

        return (response.StatusCode, body);
    }

    private string Describe(HttpMethod method, string path) => $"{method} {new Uri(_http.BaseAddress!, path)}";

    private KubernetesApiException Refused(HttpMethod method, string path, HttpStatusCode status, string body)
    {
        var hint = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? " Leader election needs get, create and update on leases.coordination.k8s.io in this namespace."
            : "";
        return new KubernetesApiException(status, $"{Describe(method, path)} answered {(int)status} {status}: {StatusMessage(body)}.{hint}");
    }

    /// <summary>The message of a <c>Status</c> body, or the start of whatever else came back.</summary>
    private static string StatusMessage(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject status && status["message"] is JsonValue message && message.TryGetValue<string>(out var text))
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not JSON; quote it as it is.
        }

        return body.Length <= 200 ? body : body[..200];
    }
}
