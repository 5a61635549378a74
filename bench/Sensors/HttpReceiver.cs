using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using ArgoEvents.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoEvents.Bench.Sensors;

/// <summary>
/// The endpoint the http trigger posts to: Kestrel on loopback, reads each request body, counts the requests and
/// answers 200; when latency is being recorded it reads the publish stamp the payload carries.
/// </summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private long _requests;
    private long _target = long.MaxValue;
    private TaskCompletionSource<long> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile LatencyRecorder? _latencies;

    private HttpReceiver(WebApplication app, int port)
    {
        _app = app;
        Url = $"http://127.0.0.1:{port}/hook";
    }

    public string Url { get; }

    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<HttpReceiver> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new HttpReceiver(app, port);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>A task completing with the <see cref="Stopwatch"/> timestamp at which the request count reached <paramref name="target"/>.</summary>
    public Task<long> WhenRequestsReach(long target)
    {
        lock (_gate)
        {
            _target = target;
            _reached = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Requests >= target)
            {
                _reached.TrySetResult(Stopwatch.GetTimestamp());
            }

            return _reached.Task;
        }
    }

    public void RecordLatencies(LatencyRecorder? recorder) => _latencies = recorder;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(context.RequestAborted);
            if (read.IsCompleted)
            {
                break;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        if (_latencies is { } latencies)
        {
            latencies.Add(read.Buffer.IsSingleSegment ? read.Buffer.FirstSpan : read.Buffer.ToArray());
        }

        reader.AdvanceTo(read.Buffer.End);
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (Interlocked.Increment(ref _requests) >= Interlocked.Read(ref _target))
        {
            lock (_gate)
            {
                if (_requests >= _target)
                {
                    _reached.TrySetResult(Stopwatch.GetTimestamp());
                }
            }
        }
    }
}
