using System.Net;
using System.Net.Sockets;

namespace ArgoEvents.EventBus.Tests.CloudEvents;

/// <summary>A real HTTP server on a free loopback port that hands each request to a test callback.</summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    private LoopbackHttpServer(HttpListener listener, Uri baseAddress, Func<HttpListenerContext, Task> handler)
    {
        _listener = listener;
        BaseAddress = baseAddress;
        _loop = ServeAsync(handler);
    }

    public Uri BaseAddress { get; }

    public static LoopbackHttpServer Start(Func<HttpListenerContext, Task> handler)
    {
        // The port is free when probed; another process could take it before the listener does, so retry.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();

            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(baseAddress.ToString());
            try
            {
                listener.Start();
                return new LoopbackHttpServer(listener, baseAddress, handler);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync(Func<HttpListenerContext, Task> handler)
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

            try
            {
                await handler(context);
            }
            catch (Exception ex)
            {
                // The failure travels back to the test as a 500 with the message.
                context.Response.StatusCode = 500;
                var message = System.Text.Encoding.UTF8.GetBytes(ex.ToString());
                await context.Response.OutputStream.WriteAsync(message);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }
}
