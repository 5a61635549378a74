using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoEvents.EventBus.LeaderElection;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>
/// Get, create, replace, patch and delete of any Kubernetes object over the REST API, with the kind's REST path found
/// through discovery (<c>GET /api/v1</c>, <c>GET /apis/{group}/{version}</c>) and remembered, as client-go's RESTMapper does.
/// Every refusal of the API server becomes a <see cref="TriggerExecutionException"/> quoting its <c>Status</c>.
/// </summary>
internal sealed class KubernetesResourceClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly KubernetesBearerTokenSource _token;
    private readonly ConcurrentDictionary<string, IReadOnlyList<KubernetesResourceType>> _discovered = new(StringComparer.Ordinal);

    public KubernetesResourceClient(KubernetesApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _token = new KubernetesBearerTokenSource(options);
        _http = options.HttpMessageHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : new HttpClient(KubernetesHttpHandler.Create(options), disposeHandler: true);
        var server = options.Server;
        _http.BaseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        _http.Timeout = TimeSpan.FromMinutes(1);
    }

    /// <summary>Finds how the API server serves <paramref name="kind"/> of <paramref name="apiVersion"/>.</summary>
    /// <exception cref="TriggerExecutionException">The server does not serve that apiVersion or kind.</exception>
    public async Task<KubernetesResourceType> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiVersion);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (_discovered.TryGetValue(apiVersion, out var known) && Find(known, kind) is { } cached)
        {
            return cached;
        }

        // Not known yet, or the kind is new since the last look (a CRD installed meanwhile): ask again.
        var fresh = await DiscoverAsync(apiVersion, cancellationToken).ConfigureAwait(false);
        _discovered[apiVersion] = fresh;
        return Find(fresh, kind)
            ?? throw new TriggerExecutionException(
                $"The Kubernetes API server serves no kind '{kind}' in apiVersion '{apiVersion}' (it serves {Describe(fresh)}).");
    }

    /// <summary>The object, or null when it does not exist (404).</summary>
    public async Task<JsonObject?> GetAsync(KubernetesResourceType type, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var path = type.ObjectPath(@namespace, name);
        var (status, body) = await SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.OK => ParseObject(HttpMethod.Get, path, body),
            HttpStatusCode.NotFound => null,
            _ => throw Refused(HttpMethod.Get, path, status, body),
        };
    }

    /// <summary>Creates the object (POST to its collection) and returns it as the server stored it.</summary>
    public Task<JsonObject> CreateAsync(KubernetesResourceType type, string? @namespace, JsonObject resource, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, type.CollectionPath(@namespace), resource.ToJsonString(), "application/json", cancellationToken);

    /// <summary>Replaces the object (PUT); the body carries the resourceVersion it was read at.</summary>
    public Task<JsonObject> ReplaceAsync(KubernetesResourceType type, string? @namespace, string name, JsonObject resource, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Put, type.ObjectPath(@namespace, name), resource.ToJsonString(), "application/json", cancellationToken);

    /// <summary>Patches the object with <paramref name="patch"/> of content type <paramref name="patchType"/>.</summary>
    public Task<JsonObject> PatchAsync(KubernetesResourceType type, string? @namespace, string name, string patchType, string patch, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, type.ObjectPath(@namespace, name), patch, patchType, cancellationToken);

    /// <summary>Deletes the object; false when it was already gone (404).</summary>
    public async Task<bool> DeleteAsync(KubernetesResourceType type, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var path = type.ObjectPath(@namespace, name);
        var (status, body) = await SendAsync(HttpMethod.Delete, path, null, null, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.OK or HttpStatusCode.Accepted => true,
            HttpStatusCode.NotFound => false,
            _ => throw Refused(HttpMethod.Delete, path, status, body),
        };
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> WriteAsync(HttpMethod method, string path, string body, string contentType, CancellationToken cancellationToken)
    {
        var (status, answer) = await SendAsync(method, path, body, contentType, cancellationToken).ConfigureAwait(false);
        return status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted
            ? ParseObject(method, path, answer)
            : throw Refused(method, path, status, answer);
    }

    private async Task<IReadOnlyList<KubernetesResourceType>> DiscoverAsync(string apiVersion, CancellationToken cancellationToken)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        if (version.Length == 0 || version.Contains('/', StringComparison.Ordinal) || (slash >= 0 && group.Length == 0))
        {
            throw new TriggerExecutionException($"'{apiVersion}' is not a Kubernetes apiVersion: write 'v1' for the core group or '<group>/<version>'.");
        }

        var path = group.Length == 0 ? $"api/{Uri.EscapeDataString(version)}" : $"apis/{Uri.EscapeDataString(group)}/{Uri.EscapeDataString(version)}";
        var (status, body) = await SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.NotFound)
        {
            throw new TriggerExecutionException($"The Kubernetes API server does not serve apiVersion '{apiVersion}' (GET {Absolute(path)} answered 404).");
        }

        if (status != HttpStatusCode.OK)
        {
            throw Refused(HttpMethod.Get, path, status, body);
        }

        var list = ParseObject(HttpMethod.Get, path, body);
        var types = new List<KubernetesResourceType>();
        if (list["resources"] is JsonArray resources)
        {
            foreach (var resource in resources.OfType<JsonObject>())
            {
                // Subresources (pods/log, deployments/scale) are not object collections.
                if (resource["name"]?.GetValueKind() == JsonValueKind.String
                    && resource["name"]!.GetValue<string>() is { Length: > 0 } name && !name.Contains('/', StringComparison.Ordinal)
                    && resource["kind"]?.GetValueKind() == JsonValueKind.String)
                {
                    var namespaced = resource["namespaced"]?.GetValueKind() == JsonValueKind.True;
                    types.Add(new KubernetesResourceType(group, version, name, resource["kind"]!.GetValue<string>(), namespaced));
                }
            }
        }

        return types;
    }

    private static KubernetesResourceType? Find(IReadOnlyList<KubernetesResourceType> types, string kind) =>
        types.FirstOrDefault(t => string.Equals(t.Kind, kind, StringComparison.Ordinal))
        ?? types.FirstOrDefault(t => string.Equals(t.Kind, kind, StringComparison.OrdinalIgnoreCase));

    private static string Describe(IReadOnlyList<KubernetesResourceType> types) =>
        types.Count == 0 ? "no kinds" : string.Join(", ", types.Select(t => t.Kind).Distinct(StringComparer.Ordinal));

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? body, string? contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (await _token.GetAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new TriggerExecutionException($"{method} {Absolute(path)} failed: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TriggerExecutionException($"{method} {Absolute(path)} timed out after {_http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s.", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The token may have rotated since it was read.
                _token.Invalidate();
            }

            return (response.StatusCode, text);
        }
    }

    private string Absolute(string path) => new Uri(_http.BaseAddress!, path).ToString();

    private JsonObject ParseObject(HttpMethod method, string path, string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject parsed)
            {
                return parsed;
            }
        }
        catch (JsonException)
        {
            // Reported below with the start of the body.
        }

        throw new TriggerExecutionException($"{method} {Absolute(path)} answered with something that is not a JSON object: {Start(body)}");
    }

    private TriggerExecutionException Refused(HttpMethod method, string path, HttpStatusCode status, string body) =>
        new($"{method} {Absolute(path)} answered {(int)status} {status}: {KubernetesStatus.Describe(body)}");

    private static string Start(string body) => body.Length <= 200 ? body : body[..200] + "...";
}
