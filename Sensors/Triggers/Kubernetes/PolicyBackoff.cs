using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Triggers.Kubernetes;

/// <summary>
/// A <see cref="Backoff"/> with Argo's defaults filled in (1s, factor 1, jitter 1, 5 steps) and Kubernetes'
/// <c>wait.ExponentialBackoff</c> pacing: <see cref="Steps"/> attempts, the first at once, each later one after the
/// current duration plus up to <see cref="Jitter"/> of it, the duration growing by <see cref="Factor"/>.
/// </summary>
internal sealed record PolicyBackoff(TimeSpan Duration, double Factor, double Jitter, int Steps)
{
    /// <summary>Argo's <c>DefaultBackoff</c>.</summary>
    public static PolicyBackoff Default { get; } = new(TimeSpan.FromSeconds(1), 1.0, 1.0, 5);

    /// <summary>The backoff as written, defaults where a field is missing (steps of zero or less count as missing, as in Argo).</summary>
    public static PolicyBackoff From(Backoff? backoff) =>
        backoff is null
            ? Default
            : new PolicyBackoff(
                backoff.Duration?.Value ?? Default.Duration,
                backoff.Factor ?? Default.Factor,
                backoff.Jitter ?? Default.Jitter,
                backoff.Steps is > 0 and var steps ? steps : Default.Steps);

    /// <summary>The waits between attempts: one fewer than <see cref="Steps"/>.</summary>
    public IEnumerable<TimeSpan> Waits(Random random)
    {
        var current = Duration;
        for (var attempt = 1; attempt < Steps; attempt++)
        {
            var wait = current;
            if (Factor != 0)
            {
                current = TimeSpan.FromTicks((long)Math.Min(current.Ticks * Factor, TimeSpan.MaxValue.Ticks / 2.0));
            }

            if (Jitter > 0)
            {
                wait += TimeSpan.FromTicks((long)(random.NextDouble() * Jitter * wait.Ticks));
            }

            yield return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
    }
}
