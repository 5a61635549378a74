using System.Collections.Concurrent;
using ArgoEvents.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.EventSources.Tests.Sources.Sns;

/// <summary>
/// A loopback HTTP server started by a test to play an upstream service (SNS, a Bitbucket Server REST API): it runs
/// the test's handler and records every request's method, path and query.
/// </summary>
public sealed class InTestHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();

    private InTestHttpServer(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary>http://127.0.0.1:port</summary>
    public string BaseUrl { get; }

    /// <summary>"METHOD /path?query" of every request, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Starts a server answering every request with <paramref name="handler"/>.</summary>
    public static async Task<InTestHttpServer> StartAsync(RequestDelegate handler)
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new InTestHttpServer(app, port);
        app.Run(context =>
        {
            server._requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            return handler(context);
        });
        await app.StartAsync();
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
