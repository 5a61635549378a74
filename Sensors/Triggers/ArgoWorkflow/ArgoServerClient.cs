using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoEvents.Sensors.Triggers.ArgoWorkflow;

/// <summary>
/// The Argo Server's workflow REST API, for what the argo CLI does through it: <c>POST /api/v1/workflows/{ns}/submit</c>
/// and <c>PUT /api/v1/workflows/{ns}/{name}/{resubmit|retry|resume|suspend|terminate|stop}</c>.
/// </summary>
internal sealed class ArgoServerClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string? _authorization;

    /// <param name="server">The Argo Server address (<c>ARGO_SERVER</c>), with any base path.</param>
    /// <param name="token">
    /// <c>ARGO_TOKEN</c>: sent as the Authorization header; <c>Bearer </c> is put in front unless the token already
    /// starts with a scheme, as the CLI's <c>ARGO_TOKEN="Bearer ..."</c> does.
    /// </param>
    /// <param name="handler">A handler to send through (tests); null for a new one.</param>
    public ArgoServerClient(Uri server, string? token, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        _http.Timeout = TimeSpan.FromMinutes(1);
        if (!string.IsNullOrWhiteSpace(token))
        {
            token = token.Trim();
            _authorization = token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || token.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
                ? token
                : $"Bearer {token}";
        }
    }

    /// <summary>Submits a Workflow from a WorkflowTemplate or CronWorkflow; returns the Workflow created.</summary>
    public Task<JsonObject> SubmitFromAsync(string @namespace, string resourceKind, string resourceName, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["namespace"] = @namespace,
            ["resourceKind"] = resourceKind,
            ["resourceName"] = resourceName,
        };
        return SendAsync(HttpMethod.Post, $"api/v1/workflows/{Uri.EscapeDataString(@namespace)}/submit", body, cancellationToken);
    }

    /// <summary>Runs <paramref name="action"/> (<c>resubmit</c>, <c>retry</c>, ...) on a Workflow; returns the Workflow the server answers with.</summary>
    public Task<JsonObject> ActAsync(string @namespace, string name, string action, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["namespace"] = @namespace,
            ["name"] = name,
        };
        return SendAsync(HttpMethod.Put, $"api/v1/workflows/{Uri.EscapeDataString(@namespace)}/{Uri.EscapeDataString(name)}/{action}", body, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        var url = new Uri(_http.BaseAddress!, path);
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        string text;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new TriggerExecutionException($"{method} {url} (Argo Server) failed: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TriggerExecutionException($"{method} {url} (Argo Server) timed out.", e);
        }

        JsonNode? parsed = null;
        try
        {
            parsed = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Quoted as text below.
        }

        if (status is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            // grpc-gateway errors carry {"code": <grpc code>, "message": "..."}.
            var message = parsed is JsonObject error && error["message"] is JsonValue value && value.TryGetValue<string>(out var m) ? m : Start(text);
            throw new TriggerExecutionException(
                $"{method} {url} (Argo Server) answered {((int)status).ToString(CultureInfo.InvariantCulture)} {status}: {message}");
        }

        return parsed as JsonObject
            ?? throw new TriggerExecutionException($"{method} {url} (Argo Server) answered with something that is not a Workflow: {Start(text)}");
    }

    private static string Start(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
