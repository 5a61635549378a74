using System.Diagnostics;

namespace ArgoEvents.EventBus.LeaderElection;

/// <summary>The bearer token for API requests: fixed, or read from a file and read again as it ages (tokens rotate).</summary>
internal sealed class KubernetesBearerToken(KubernetesApiOptions options)
{
    private CachedToken? _cached;

    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (options.BearerTokenFile is not { } file)
        {
            return options.BearerToken;
        }

        var cached = Volatile.Read(ref _cached);
        if (cached is not null && Stopwatch.GetElapsedTime(cached.ReadAt) < options.BearerTokenRefreshInterval)
        {
            return cached.Token;
        }

        string token;
        try
        {
            token = (await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubernetesApiException(null, $"Cannot read the Kubernetes bearer token file {file}: {e.Message}");
        }

        Volatile.Write(ref _cached, new CachedToken(token, Stopwatch.GetTimestamp()));
        return token;
    }

    /// <summary>Forgets the cached token, after the server refused it, so the next request reads the file again.</summary>
    public void Invalidate() => Volatile.Write(ref _cached, null);

    private sealed record CachedToken(string Token, long ReadAt);
}
