using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ArgoEvents.Testing;

namespace ArgoEvents.EventBus.Tests.LeaderElection;

/// <summary>
/// A small HTTP server speaking the documented <c>coordination.k8s.io/v1</c> Lease endpoints, because no Kubernetes API
/// server can run here: GET/PUT <c>…/namespaces/{ns}/leases/{name}</c> and POST <c>…/namespaces/{ns}/leases</c>, with
/// real optimistic concurrency (every write bumps a global resourceVersion; a PUT naming a stale one gets 409 Conflict;
/// a missing lease gets 404; creating an existing one gets 409 AlreadyExists) and Status bodies on errors. Tests can
/// freeze it (requests hang until thawed), write a lease behind the electors' backs, and require a bearer token.
/// </summary>
internal sealed class InTestLeaseApiServer : IAsyncDisposable
{
    private const string Prefix = "/apis/coordination.k8s.io/v1/namespaces/";

    private readonly HttpListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _leases = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource? _frozen;
    private long _resourceVersion = 100;
    private Task? _loop;

    public InTestLeaseApiServer()
    {
        var port = FreePorts.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
    }

    public Uri BaseAddress { get; }

    /// <summary>When set, requests without "Authorization: Bearer &lt;token&gt;" get 401.</summary>
    public string? RequiredToken { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static InTestLeaseApiServer Start()
    {
        var server = new InTestLeaseApiServer();
        server._listener.Start();
        server._loop = Task.Run(server.AcceptLoopAsync);
        return server;
    }

    /// <summary>From now on requests hang (as a stalled API server's would) until <see cref="Thaw"/>.</summary>
    public void Freeze()
    {
        lock (_gate)
        {
            _frozen ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Thaw()
    {
        TaskCompletionSource? frozen;
        lock (_gate)
        {
            frozen = _frozen;
            _frozen = null;
        }

        frozen?.TrySetResult();
    }

    public JsonObject? GetLease(string ns, string name)
    {
        lock (_gate)
        {
            return _leases.TryGetValue(Key(ns, name), out var lease) ? (JsonObject)lease.DeepClone() : null;
        }
    }

    /// <summary>Writes the lease as another party would (kubectl, a rogue replica): new holder, fresh renewTime, new resourceVersion.</summary>
    public void Overwrite(string ns, string name, string holder, int leaseDurationSeconds)
    {
        lock (_gate)
        {
            var lease = _leases[Key(ns, name)];
            var spec = (JsonObject)lease["spec"]!;
            spec["holderIdentity"] = holder;
            spec["leaseDurationSeconds"] = leaseDurationSeconds;
            spec["renewTime"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            spec["leaseTransitions"] = (spec["leaseTransitions"]?.GetValue<int>() ?? 0) + 1;
            lease["metadata"]!["resourceVersion"] = NextVersion();
        }
    }

    /// <summary>Stores a lease directly (e.g. one carrying labels an elector must keep).</summary>
    public void Seed(string ns, string name, JsonObject lease)
    {
        lock (_gate)
        {
            lease["metadata"]!["resourceVersion"] = NextVersion();
            _leases[Key(ns, name)] = lease;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Thaw();
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }

    private static string Key(string ns, string name) => ns + "/" + name;

    private string NextVersion() => (++_resourceVersion).ToString(CultureInfo.InvariantCulture);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            Task? frozen;
            lock (_gate)
            {
                frozen = _frozen?.Task;
            }

            if (frozen is not null)
            {
                await frozen;
            }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var (status, response) = Handle(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body);
            var bytes = Encoding.UTF8.GetBytes(response.ToJsonString());
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Shutting down: the client sees a dropped connection.
        }
        catch (HttpListenerException)
        {
            // The client went away (cancelled request).
        }
        catch (IOException)
        {
            // The client went away mid-response.
        }
    }

    private (HttpStatusCode, JsonObject) Handle(string method, string path, string? authorization, string body)
    {
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(method, path, authorization, body));
            if (RequiredToken is not null && authorization != "Bearer " + RequiredToken)
            {
                return Status(HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized");
            }

            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return Status(HttpStatusCode.NotFound, "NotFound", $"the server could not find the requested resource {path}");
            }

            var parts = path[Prefix.Length..].Split('/');
            if (parts.Length is < 2 or > 3 || parts[1] != "leases")
            {
                return Status(HttpStatusCode.NotFound, "NotFound", $"the server could not find the requested resource {path}");
            }

            var ns = parts[0];
            var name = parts.Length == 3 ? parts[2] : null;
            return (method, name) switch
            {
                ("GET", not null) => Get(ns, name),
                ("POST", null) => Create(ns, body),
                ("PUT", not null) => Replace(ns, name, body),
                _ => Status(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", $"{method} is not supported on {path}"),
            };
        }
    }

    private (HttpStatusCode, JsonObject) Get(string ns, string name) =>
        _leases.TryGetValue(Key(ns, name), out var lease)
            ? (HttpStatusCode.OK, (JsonObject)lease.DeepClone())
            : Status(HttpStatusCode.NotFound, "NotFound", $"leases.coordination.k8s.io \"{name}\" not found");

    private (HttpStatusCode, JsonObject) Create(string ns, string body)
    {
        if (JsonNode.Parse(body) is not JsonObject lease || lease["metadata"]?["name"]?.GetValue<string>() is not { } name)
        {
            return Status(HttpStatusCode.UnprocessableEntity, "Invalid", "metadata.name: Required value");
        }

        if (lease["metadata"]?["namespace"]?.GetValue<string>() is { } bodyNamespace && bodyNamespace != ns)
        {
            return Status(HttpStatusCode.BadRequest, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request");
        }

        if (_leases.ContainsKey(Key(ns, name)))
        {
            return Status(HttpStatusCode.Conflict, "AlreadyExists", $"leases.coordination.k8s.io \"{name}\" already exists");
        }

        var metadata = (JsonObject)lease["metadata"]!;
        metadata["namespace"] = ns;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["resourceVersion"] = NextVersion();
        _leases[Key(ns, name)] = lease;
        return (HttpStatusCode.Created, (JsonObject)lease.DeepClone());
    }

    private (HttpStatusCode, JsonObject) Replace(string ns, string name, string body)
    {
        if (JsonNode.Parse(body) is not JsonObject lease || lease["metadata"]?["name"]?.GetValue<string>() != name)
        {
            return Status(HttpStatusCode.BadRequest, "BadRequest", "the name of the object does not match the name on the URL");
        }

        if (!_leases.TryGetValue(Key(ns, name), out var stored))
        {
            return Status(HttpStatusCode.NotFound, "NotFound", $"leases.coordination.k8s.io \"{name}\" not found");
        }

        var expected = lease["metadata"]?["resourceVersion"]?.GetValue<string>();
        var current = stored["metadata"]!["resourceVersion"]!.GetValue<string>();
        if (expected is not null && expected != current)
        {
            return Status(HttpStatusCode.Conflict, "Conflict", $"Operation cannot be fulfilled on leases.coordination.k8s.io \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
        }

        lease["metadata"]!["resourceVersion"] = NextVersion();
        _leases[Key(ns, name)] = lease;
        return (HttpStatusCode.OK, (JsonObject)lease.DeepClone());
    }

    private static (HttpStatusCode, JsonObject) Status(HttpStatusCode code, string reason, string message) =>
        (code, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = (int)code,
        });

    public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body);
}
