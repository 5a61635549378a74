using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// A trigger's <c>retryStrategy</c> with Kubernetes <c>wait.ExponentialBackoff</c> semantics, as Argo converts it:
/// <c>steps</c> attempts in all (absent or 0 = 5 when a strategy is given; one attempt without a strategy), waiting
/// <c>duration</c> (default 1s) between attempts, the wait multiplied by <c>factor</c> (default 1.0) after each, and
/// stretched by up to <c>jitter</c> (default 1) of itself at random.
/// </summary>
internal sealed class RetryBackoff
{
    private const int DefaultSteps = 5;
    private static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(1);

    private RetryBackoff(int steps, TimeSpan duration, double factor, double jitter)
    {
        Steps = steps;
        Duration = duration;
        Factor = factor;
        Jitter = jitter;
    }

    /// <summary>One attempt, no waiting: a trigger without <c>retryStrategy</c>.</summary>
    public static RetryBackoff Once { get; } = new(1, DefaultDuration, 1.0, 1.0);

    /// <summary>Total attempts.</summary>
    public int Steps { get; }

    /// <summary>The first wait.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The growth of the wait after each attempt.</summary>
    public double Factor { get; }

    /// <summary>The largest random stretch of a wait, as a fraction of it.</summary>
    public double Jitter { get; }

    /// <summary>The backoff a <c>retryStrategy</c> declares; <see cref="Once"/> for none.</summary>
    public static RetryBackoff From(Backoff? spec) => spec is null
        ? Once
        : new RetryBackoff(
            spec.Steps is > 0 ? spec.Steps.Value : DefaultSteps,
            spec.Duration?.Value ?? DefaultDuration,
            spec.Factor ?? 1.0,
            spec.Jitter ?? 1.0);

    /// <summary>
    /// The waits between attempts: <see cref="Steps"/> − 1 of them. A factor of 0 keeps the wait, as Kubernetes does.
    /// </summary>
    public IEnumerable<TimeSpan> Waits(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var duration = Duration;
        for (var step = 1; step < Steps; step++)
        {
            var wait = duration;
            if (Factor != 0)
            {
                duration = TimeSpan.FromTicks((long)Math.Min(TimeSpan.MaxValue.Ticks / 2, duration.Ticks * Factor));
            }

            if (Jitter > 0)
            {
                wait += TimeSpan.FromTicks((long)(random.NextDouble() * Jitter * wait.Ticks));
            }

            yield return wait;
        }
    }
}
