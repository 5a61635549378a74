using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoEvents.EventBus.LeaderElection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Tests.Triggers.Kubernetes;

/// <summary>
/// A small Kubernetes API server on a loopback port: discovery for v1 (configmaps, pods, namespaces), apps/v1
/// (deployments) and argoproj.io/v1alpha1 (workflows, workflowtemplates, cronworkflows), and get, create (409 when the
/// name is taken), replace (409 on a stale resourceVersion), JSON merge patch and delete of objects kept in memory by
/// group/version/resource/namespace/name, with Status objects for refusals as the real server answers.
/// </summary>
internal sealed class InTestKubernetesApiServer : IAsyncDisposable
{
    public const string Token = "in-test-token";

    private static readonly Dictionary<string, (string Plural, string Kind, bool Namespaced)[]> Discovery = new()
    {
        ["v1"] = [("configmaps", "ConfigMap", true), ("pods", "Pod", true), ("pods/log", "Pod", true), ("namespaces", "Namespace", false)],
        ["apps/v1"] = [("deployments", "Deployment", true), ("deployments/scale", "Scale", true)],
        ["argoproj.io/v1alpha1"] = [("workflows", "Workflow", true), ("workflowtemplates", "WorkflowTemplate", true), ("cronworkflows", "CronWorkflow", true)],
    };

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Lock _gate = new();
    private long _resourceVersion = 100;

    private InTestKubernetesApiServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Address { get; private set; } = null!;

    public KubernetesApiOptions Options => new(Address) { BearerToken = Token };

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Plain files served without authentication under <c>/manifests/{name}</c>, for URL trigger sources.</summary>
    public ConcurrentDictionary<string, string> Manifests { get; } = new(StringComparer.Ordinal);

    /// <summary>Called with every object read by GET, before it is answered; tests use it to play a controller.</summary>
    public Action<string, JsonObject>? OnGet { get; set; }

    public static async Task<InTestKubernetesApiServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new InTestKubernetesApiServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Address = new Uri(address + "/");
        return server;
    }

    public static string Key(string apiVersion, string plural, string? @namespace, string name) => $"{apiVersion}|{plural}|{@namespace}|{name}";

    public void Store(string apiVersion, string plural, string? @namespace, JsonObject resource)
    {
        var metadata = (JsonObject)resource["metadata"]!;
        metadata["resourceVersion"] = NextVersion();
        _objects[Key(apiVersion, plural, @namespace, metadata["name"]!.GetValue<string>())] = resource;
    }

    public JsonObject? Find(string apiVersion, string plural, string? @namespace, string name) =>
        _objects.TryGetValue(Key(apiVersion, plural, @namespace, name), out var found) ? (JsonObject)found.DeepClone() : null;

    public IReadOnlyList<JsonObject> All(string apiVersion, string plural) =>
        [.. _objects.Where(o => o.Key.StartsWith($"{apiVersion}|{plural}|", StringComparison.Ordinal)).Select(o => (JsonObject)o.Value.DeepClone())];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string NextVersion() => Interlocked.Increment(ref _resourceVersion).ToString(CultureInfo.InvariantCulture);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? string.Empty, request.ContentType, body, request.Headers.Authorization.ToString()));
        if (request.Path.StartsWithSegments("/manifests", out var file))
        {
            if (Manifests.TryGetValue(file.Value!.TrimStart('/'), out var text))
            {
                context.Response.ContentType = "application/yaml";
                await context.Response.WriteAsync(text);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            return;
        }

        if (request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            await AnswerStatusAsync(context, 401, "Unauthorized", "Unauthorized");
            return;
        }

        var segments = (request.Path.Value ?? string.Empty).Trim('/').Split('/');
        string apiVersion;
        string[] rest;
        if (segments is ["api", var coreVersion, ..])
        {
            apiVersion = coreVersion;
            rest = segments[2..];
        }
        else if (segments is ["apis", var group, var version, ..])
        {
            apiVersion = $"{group}/{version}";
            rest = segments[3..];
        }
        else
        {
            await AnswerStatusAsync(context, 404, "NotFound", "the server could not find the requested resource");
            return;
        }

        if (!Discovery.TryGetValue(apiVersion, out var resources))
        {
            await AnswerStatusAsync(context, 404, "NotFound", "the server could not find the requested resource");
            return;
        }

        if (rest.Length == 0)
        {
            await AnswerDiscoveryAsync(context, apiVersion, resources);
            return;
        }

        string? @namespace = null;
        if (rest is ["namespaces", var ns, _, ..])
        {
            @namespace = ns;
            rest = rest[2..];
        }

        var plural = rest[0];
        var name = rest.Length > 1 ? Uri.UnescapeDataString(rest[1]) : null;
        var type = resources.FirstOrDefault(r => r.Plural == plural);
        if (type.Plural is null || type.Namespaced != (@namespace is not null) || rest.Length > 2)
        {
            await AnswerStatusAsync(context, 404, "NotFound", "the server could not find the requested resource");
            return;
        }

        lock (_gate)
        {
            Handle(context, apiVersion, type.Kind, plural, @namespace, name, body, out var status, out var answer);
            context.Items["answer"] = (status, answer);
        }

        var (code, json) = ((int, JsonObject))context.Items["answer"]!;
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json.ToJsonString());
    }

    private void Handle(HttpContext context, string apiVersion, string kind, string plural, string? @namespace, string? name, string body, out int status, out JsonObject answer)
    {
        var method = context.Request.Method;
        var what = apiVersion.Contains('/', StringComparison.Ordinal) ? $"{plural}.{apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)]}" : plural;
        if (name is null && method == "POST")
        {
            var resource = JsonNode.Parse(body)!.AsObject();
            var metadata = resource["metadata"] as JsonObject ?? [];
            resource["metadata"] = metadata;
            if (metadata["namespace"]?.GetValue<string>() is { } declared && declared != @namespace)
            {
                (status, answer) = (400, StatusObject(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request"));
                return;
            }

            if (resource["kind"]?.GetValue<string>() != kind || resource["apiVersion"]?.GetValue<string>() != apiVersion)
            {
                (status, answer) = (400, StatusObject(400, "BadRequest", $"the object is not a {kind} of {apiVersion}"));
                return;
            }

            var newName = metadata["name"]?.GetValue<string>();
            if (newName is null && metadata["generateName"]?.GetValue<string>() is { } prefix)
            {
                newName = prefix + Guid.NewGuid().ToString("N")[..5];
            }

            if (newName is null)
            {
                (status, answer) = (422, StatusObject(422, "Invalid", $"{kind} \"\" is invalid: metadata.name: Required value: name or generateName is required"));
                return;
            }

            var key = Key(apiVersion, plural, @namespace, newName);
            if (_objects.ContainsKey(key))
            {
                (status, answer) = (409, StatusObject(409, "AlreadyExists", $"{what} \"{newName}\" already exists"));
                return;
            }

            metadata["name"] = newName;
            if (@namespace is not null)
            {
                metadata["namespace"] = @namespace;
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["resourceVersion"] = NextVersion();
            _objects[key] = resource;
            (status, answer) = (201, (JsonObject)resource.DeepClone());
            return;
        }

        if (name is null)
        {
            (status, answer) = (405, StatusObject(405, "MethodNotAllowed", $"{method} on a collection is not supported here"));
            return;
        }

        var objectKey = Key(apiVersion, plural, @namespace, name);
        if (!_objects.TryGetValue(objectKey, out var stored))
        {
            (status, answer) = (404, StatusObject(404, "NotFound", $"{what} \"{name}\" not found"));
            return;
        }

        switch (method)
        {
            case "GET":
                OnGet?.Invoke(objectKey, stored);
                (status, answer) = (200, (JsonObject)stored.DeepClone());
                return;
            case "PUT":
                var replacement = JsonNode.Parse(body)!.AsObject();
                var sent = replacement["metadata"]?["resourceVersion"]?.GetValue<string>();
                if (sent != stored["metadata"]!["resourceVersion"]!.GetValue<string>())
                {
                    (status, answer) = (409, StatusObject(409, "Conflict", $"Operation cannot be fulfilled on {what} \"{name}\": the object has been modified; please apply your changes to the latest version and try again"));
                    return;
                }

                replacement["metadata"]!["resourceVersion"] = NextVersion();
                _objects[objectKey] = replacement;
                (status, answer) = (200, (JsonObject)replacement.DeepClone());
                return;
            case "PATCH":
                var contentType = context.Request.ContentType;
                if (contentType is not ("application/merge-patch+json" or "application/strategic-merge-patch+json"))
                {
                    (status, answer) = (415, StatusObject(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/merge-patch+json, application/strategic-merge-patch+json"));
                    return;
                }

                // Without the built-in kinds' schemas, a strategic merge is served as a plain JSON merge here.
                var patched = (JsonObject)MergePatch((JsonObject)stored.DeepClone(), JsonNode.Parse(body)!)!;
                patched["metadata"]!["resourceVersion"] = NextVersion();
                _objects[objectKey] = patched;
                (status, answer) = (200, (JsonObject)patched.DeepClone());
                return;
            case "DELETE":
                _objects.TryRemove(objectKey, out _);
                (status, answer) = (200, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Success" });
                return;
            default:
                (status, answer) = (405, StatusObject(405, "MethodNotAllowed", $"{method} is not supported"));
                return;
        }
    }

    /// <summary>RFC 7386: objects merge recursively, null removes, anything else replaces.</summary>
    private static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var merged = MergePatch(result[key]?.DeepClone(), value);
                result[key] = merged;
            }
        }

        return result;
    }

    private static JsonObject StatusObject(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };

    private static async Task AnswerStatusAsync(HttpContext context, int code, string reason, string message)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(StatusObject(code, reason, message).ToJsonString());
    }

    private static async Task AnswerDiscoveryAsync(HttpContext context, string apiVersion, (string Plural, string Kind, bool Namespaced)[] resources)
    {
        var list = new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = apiVersion,
            ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Plural,
                ["singularName"] = r.Plural.Contains('/', StringComparison.Ordinal) ? string.Empty : r.Kind.ToLowerInvariant(),
                ["namespaced"] = r.Namespaced,
                ["kind"] = r.Kind,
                ["verbs"] = new JsonArray("create", "delete", "get", "list", "patch", "update", "watch"),
            })]),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(list.ToJsonString());
    }
}

/// <summary>One request the in-test server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? ContentType, string Body, string Authorization)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public override string ToString() => $"{Method} {Path}";
}
