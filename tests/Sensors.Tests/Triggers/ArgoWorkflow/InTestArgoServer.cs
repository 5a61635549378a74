using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ArgoEvents.Sensors.Tests.Triggers.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Tests.Triggers.ArgoWorkflow;

/// <summary>
/// A small Argo Server on a loopback port speaking its workflow REST API: <c>POST /api/v1/workflows/{ns}/submit</c>
/// (from a known WorkflowTemplate or CronWorkflow) and <c>PUT /api/v1/workflows/{ns}/{name}/{action}</c> on known
/// Workflows, answering grpc-gateway errors (<c>{"code":5,"message":...}</c>) otherwise. Requests must carry the token.
/// </summary>
internal sealed class InTestArgoServer : IAsyncDisposable
{
    public const string Token = "argo-in-test-token";
    private static readonly string[] Actions = ["resubmit", "retry", "resume", "suspend", "terminate", "stop"];
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private InTestArgoServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Workflows the actions may name, as namespace/name.</summary>
    public ConcurrentDictionary<string, bool> Workflows { get; } = new(StringComparer.Ordinal);

    /// <summary>Templates submit may name, as namespace/Kind/name.</summary>
    public ConcurrentDictionary<string, bool> Templates { get; } = new(StringComparer.Ordinal);

    public static async Task<InTestArgoServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new InTestArgoServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Address = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = context.Request;
        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? string.Empty, request.ContentType, body, request.Headers.Authorization.ToString()));
        if (request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            await AnswerAsync(context, 401, Error(16, "token not valid"));
            return;
        }

        var segments = (request.Path.Value ?? string.Empty).Trim('/').Split('/');
        switch (request.Method, segments)
        {
            case ("POST", ["api", "v1", "workflows", var ns, "submit"]):
                var submit = JsonNode.Parse(body)!.AsObject();
                var kind = submit["resourceKind"]?.GetValue<string>();
                var template = submit["resourceName"]?.GetValue<string>();
                if (!Templates.ContainsKey($"{ns}/{kind}/{template}"))
                {
                    await AnswerAsync(context, 404, Error(5, $"{kind} \"{template}\" not found"));
                    return;
                }

                await AnswerAsync(context, 200, Workflow($"{template}-x7k2p", ns));
                return;
            case ("PUT", ["api", "v1", "workflows", var ns, var name, var action]) when Actions.Contains(action):
                if (!Workflows.ContainsKey($"{ns}/{name}"))
                {
                    await AnswerAsync(context, 404, Error(5, $"workflows.argoproj.io \"{name}\" not found"));
                    return;
                }

                await AnswerAsync(context, 200, Workflow(action == "resubmit" ? $"{name}-r8d3q" : name, ns));
                return;
            default:
                await AnswerAsync(context, 404, Error(5, "Not Found"));
                return;
        }
    }

    private static JsonObject Workflow(string name, string @namespace) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Workflow",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
    };

    private static JsonObject Error(int code, string message) => new() { ["code"] = code, ["message"] = message };

    private static async Task AnswerAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
