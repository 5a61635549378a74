using System.Diagnostics;
using ArgoEvents.EventBus.LeaderElection;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>The bearer token of <see cref="KubernetesApiOptions"/>: fixed, or read from its file again as it ages, because projected tokens rotate.</summary>
internal sealed class KubernetesBearerTokenSource(KubernetesApiOptions options)
{
    private (string Token, long ReadAt)? _cached;

    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (options.BearerTokenFile is not { } file)
        {
            return options.BearerToken;
        }

        var cached = _cached;
        if (cached is { } entry && Stopwatch.GetElapsedTime(entry.ReadAt) < options.BearerTokenRefreshInterval)
        {
            return entry.Token;
        }

        string token;
        try
        {
            token = (await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TriggerExecutionException($"Cannot read the Kubernetes bearer token file {file}: {e.Message}", e);
        }

        _cached = (token, Stopwatch.GetTimestamp());
        return token;
    }

    /// <summary>Drops the cached token after the server refused it, so the next request reads the file again.</summary>
    public void Invalidate() => _cached = null;
}
