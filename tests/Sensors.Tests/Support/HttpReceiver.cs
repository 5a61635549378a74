using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Sensors.Tests.Support;

/// <summary>
/// An in-test HTTP target for http triggers (Kestrel on loopback): records every request body in arrival order and
/// answers 500 to the first <see cref="FailFirst"/> requests, 200 afterwards.
/// </summary>
internal sealed class HttpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<string> _bodies = Channel.CreateUnbounded<string>();
    private int _requests;

    private HttpReceiver(WebApplication app) => _app = app;

    public int FailFirst { get; init; }

    public int Requests => Volatile.Read(ref _requests);

    public ConcurrentQueue<int> Statuses { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public static async Task<HttpReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new HttpReceiver(app) { FailFirst = failFirst };
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    /// <summary>The next request body; fails after <paramref name="timeout"/>.</summary>
    public async Task<string> NextAsync(TimeSpan timeout, string because)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _bodies.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no accepted request within {timeout.TotalSeconds:0.#} s: {because}");
        }
    }

    /// <summary>Asserts no further accepted request for <paramref name="quiet"/>.</summary>
    public async Task AssertNoneAsync(TimeSpan quiet, string because)
    {
        using var cts = new CancellationTokenSource(quiet);
        try
        {
            var body = await _bodies.Reader.ReadAsync(cts.Token);
            throw new InvalidOperationException($"an unexpected request arrived ({because}): {body}");
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var number = Interlocked.Increment(ref _requests);
        var status = number <= FailFirst ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        Statuses.Enqueue(status);
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status200OK)
        {
            await _bodies.Writer.WriteAsync(body);
        }
    }
}
