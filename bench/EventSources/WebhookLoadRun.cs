using System.Diagnostics;
using System.Text;

namespace ArgoEvents.Bench.EventSources;

/// <summary>
/// Closed-loop webhook load on one loopback port for a fixed time: each connection posts a small JSON body with a
/// unique id, waits for the answer, and posts again. Counts 2xx answers and keeps their latencies.
/// </summary>
public sealed class WebhookLoadRun(int port, string path, int connections)
{
    private const int IdDigits = 9;

    public sealed record Outcome(int Accepted, int Other, int Errors, TimeSpan Elapsed, List<double> LatenciesMs)
    {
        public double PerSecond => Accepted / Elapsed.TotalSeconds;
    }

    public async Task<Outcome> RunAsync(TimeSpan duration, string method = "POST")
    {
        using var stop = new CancellationTokenSource(duration);
        var watch = Stopwatch.StartNew();
        var workers = await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(() => WorkAsync(c, method, stop.Token))));
        var elapsed = watch.Elapsed;
        var latencies = new List<double>(workers.Sum(w => w.Latencies.Count));
        foreach (var worker in workers)
        {
            latencies.AddRange(worker.Latencies);
        }

        return new Outcome(workers.Sum(w => w.Accepted), workers.Sum(w => w.Other), workers.Sum(w => w.Errors), elapsed, latencies);
    }

    private async Task<(int Accepted, int Other, int Errors, List<double> Latencies)> WorkAsync(int connection, string method, CancellationToken stop)
    {
        var (request, idOffset) = Request(connection, method);
        var latencies = new List<double>(64 * 1024);
        int accepted = 0, other = 0, errors = 0;
        LoopbackHttpConnection? http = null;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            if (idOffset >= 0)
            {
                WriteDigits(request.AsSpan(idOffset, IdDigits), n);
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                http ??= await LoopbackHttpConnection.OpenAsync(port);
                var status = await http.SendAsync(request);
                if (status is >= 200 and < 300)
                {
                    accepted++;
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    other++;
                }
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                errors++;
                http?.Dispose();
                http = null;
                await Task.Delay(10, CancellationToken.None);
            }
        }

        http?.Dispose();
        return (accepted, other, errors, latencies);
    }

    private (byte[] Request, int IdOffset) Request(int connection, string method)
    {
        var id = $"c{connection:D4}-{new string('0', IdDigits)}";
        var body = method == "GET" ? "" : $$"""{"id":"{{id}}","source":"bench","value":42}""";
        var head = $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n";
        var bytes = Encoding.UTF8.GetBytes(head + body);
        return (bytes, body.Length == 0 ? -1 : head.Length + body.IndexOf(id, StringComparison.Ordinal) + id.Length - IdDigits);
    }

    private static void WriteDigits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
