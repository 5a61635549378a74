using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ArgoEvents.EventSources.Tests.Failover;

/// <summary>
/// Bounded webhook load on one loopback URL: <c>workers</c> clients each POST small JSON bodies carrying a unique id,
/// one after another, until stopped, until <c>maxRequests</c> were sent, or until <c>maxDuration</c> passed,
/// whichever comes first. Every request's outcome is kept so the test can match it against the bus.
/// </summary>
public sealed class WebhookLoad : IAsyncDisposable
{
    private readonly Uri _url;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop;
    private readonly ConcurrentQueue<WebhookRequestOutcome> _outcomes = new();
    private readonly int _maxRequests;
    private int _sent;
    private Task? _running;

    /// <summary>Prepares the load; <see cref="Start"/> begins it.</summary>
    public WebhookLoad(string url, int workers, int maxRequests, TimeSpan maxDuration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        _url = new Uri(url);
        if (!IPAddress.IsLoopback(IPAddress.Parse(_url.Host)))
        {
            throw new ArgumentException($"Load is only ever sent to loopback addresses, not {_url.Host}.", nameof(url));
        }

        Workers = workers;
        _maxRequests = maxRequests;
        _stop = new CancellationTokenSource(maxDuration);
        _client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = workers,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(2),
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>How many clients send at once.</summary>
    public int Workers { get; }

    /// <summary>Every finished request so far.</summary>
    public IReadOnlyCollection<WebhookRequestOutcome> Outcomes => [.. _outcomes];

    /// <summary>Begins sending.</summary>
    public void Start() => _running = Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(w))));

    /// <summary>Stops sending and waits for the requests in flight.</summary>
    public async Task<IReadOnlyCollection<WebhookRequestOutcome>> StopAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        return Outcomes;
    }

    /// <summary>Waits until <paramref name="count"/> requests were answered 2xx; false if the load ended first.</summary>
    public async Task<bool> WaitForAcceptedAsync(int count)
    {
        while (_outcomes.Count(o => o.Accepted) < count)
        {
            if (_stop.IsCancellationRequested || _running is { IsCompleted: true })
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task WorkAsync(int worker)
    {
        for (var n = 0; !_stop.IsCancellationRequested && Interlocked.Increment(ref _sent) <= _maxRequests; n++)
        {
            var id = $"{_runId}-{worker}-{n}";
            var started = Stopwatch.GetTimestamp();
            int? status = null;
            string? error = null;
            try
            {
                using var content = new StringContent($$"""{"id":"{{id}}","worker":{{worker}},"n":{{n}}}""", Encoding.UTF8, "application/json");

                // No cancellation token: a request that was sent is always awaited, so its answer is known.
                using var response = await _client.PostAsync(_url, content);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException e)
            {
                error = e.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : e.HttpRequestError.ToString();
            }
            catch (TaskCanceledException)
            {
                error = "Timeout";
            }

            _outcomes.Enqueue(new WebhookRequestOutcome(id, started, Stopwatch.GetTimestamp(), status, error));
            if (error is not null)
            {
                // A refused connection fails in microseconds; pausing keeps a dead target from turning this into a spin.
                await Task.Delay(10);
            }
        }
    }
}
