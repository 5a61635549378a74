using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.EventSources.Sources.Nats;

/// <summary>
/// Argo's <c>connectionBackoff</c> read as Kubernetes' <c>wait.Backoff</c>: up to <see cref="Steps"/> attempts, the
/// first wait <see cref="Duration"/>, each next one multiplied by <see cref="Factor"/>, each stretched by a random
/// fraction up to <see cref="Jitter"/>. Without a spec, Argo's default: 5 attempts 1 s apart with jitter 1.
/// </summary>
public sealed record ConnectionBackoff(int Steps, TimeSpan Duration, double Factor, double Jitter)
{
    /// <summary>Argo's default backoff.</summary>
    public static ConnectionBackoff Default { get; } = new(5, TimeSpan.FromSeconds(1), 1.0, 1.0);

    /// <summary>The backoff a spec describes; absent fields take Argo's defaults (5 steps, 1 s, no growth, no jitter).</summary>
    public static ConnectionBackoff From(Backoff? spec) => spec is null
        ? Default
        : new ConnectionBackoff(
            spec.Steps is int steps and > 0 ? steps : Default.Steps,
            spec.Duration?.Value is { } duration && duration > TimeSpan.Zero ? duration : Default.Duration,
            spec.Factor is double factor and > 0 ? factor : 1.0,
            spec.Jitter is double jitter and > 0 ? jitter : 0.0);

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Delay(int attempt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var delay = Duration.TotalMilliseconds * Math.Pow(Factor, Math.Max(0, attempt - 1));
        if (Jitter > 0)
        {
            delay += random.NextDouble() * Jitter * delay;
        }

        return TimeSpan.FromMilliseconds(Math.Min(delay, TimeSpan.FromHours(1).TotalMilliseconds));
    }
}
