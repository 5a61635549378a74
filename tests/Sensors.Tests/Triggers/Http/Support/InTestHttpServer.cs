using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Tests.Triggers.Http.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port, started by a test to play the API a trigger calls (a webhook,
/// Slack's Web API, OpenWhisk). It records every request and answers with the test's handler.
/// </summary>
public sealed class InTestHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private InTestHttpServer(WebApplication app) => _app = app;

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server answering with <paramref name="handler"/>; with <paramref name="certificate"/> it speaks https.</summary>
    public static async Task<InTestHttpServer> StartAsync(
        Func<HttpContext, RecordedRequest, Task> handler,
        X509Certificate2? certificate = null,
        bool requireClientCertificate = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificate,
                    ClientCertificateMode = requireClientCertificate ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.NoCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                });
            }
        }));
        var app = builder.Build();
        var server = new InTestHttpServer(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var clientCertificate = await context.Connection.GetClientCertificateAsync();
            var recorded = new RecordedRequest(
                context.Request.Method,
                $"{context.Request.Path}{context.Request.QueryString}",
                headers,
                body.ToArray(),
                clientCertificate?.Subject);
            server._requests.Enqueue(recorded);
            await handler(context, recorded);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <summary>A handler that answers every request with <paramref name="status"/> and <paramref name="json"/>.</summary>
    public static Func<HttpContext, RecordedRequest, Task> Answer(int status, string json = "{}") =>
        async (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
