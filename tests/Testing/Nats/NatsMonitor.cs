using System.Net.Sockets;

namespace ArgoEvents.Testing.Nats;

/// <summary>GETs from a nats-server HTTP monitoring port (/healthz, /jsz, /varz...).</summary>
public static class NatsMonitor
{
    // One client for every server: monitoring answers are small and a short timeout keeps polls snappy.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>
    /// GETs <paramref name="pathAndQuery"/> from 127.0.0.1:<paramref name="monitorPort"/>. A refused
    /// connection or a timeout is not an exception but a <see cref="MonitorReply"/> with status 0,
    /// because callers poll servers that are starting or dead.
    /// </summary>
    public static async Task<MonitorReply> GetAsync(int monitorPort, string pathAndQuery, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        var uri = new Uri($"http://127.0.0.1:{monitorPort}{pathAndQuery}");
        try
        {
            using var response = await Http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new MonitorReply((int)response.StatusCode, body);
        }
        catch (HttpRequestException e)
        {
            return new MonitorReply(0, $"no answer from {uri}: {e.Message}");
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new MonitorReply(0, $"no answer from {uri} within {Http.Timeout.TotalSeconds:0} s: {e.Message}");
        }
        catch (SocketException e)
        {
            return new MonitorReply(0, $"no answer from {uri}: {e.Message}");
        }
    }
}
