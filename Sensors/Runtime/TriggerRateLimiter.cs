using ArgoEvents.Api.V1Alpha1;

namespace ArgoEvents.Sensors.Runtime;

/// <summary>
/// A trigger's <c>rateLimit</c> as a leaky bucket (Argo uses <c>go.uber.org/ratelimit</c>): permits are spaced one
/// interval apart (<c>unit</c> / <c>requestsPerUnit</c>), and after an idle spell up to ten permits may be taken at once
/// (that library's default slack). Safe for concurrent callers.
/// </summary>
internal sealed class TriggerRateLimiter
{
    private const int Slack = 10;

    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _nextTimestamp;

    private TriggerRateLimiter(TimeSpan interval, TimeProvider time)
    {
        _interval = interval;
        _time = time;
        _nextTimestamp = time.GetTimestamp();
    }

    /// <summary>The limiter a trigger declares, or null when it declares none (or a non-positive rate).</summary>
    /// <exception cref="ArgumentException">The unit is not Second, Minute or Hour.</exception>
    public static TriggerRateLimiter? From(RateLimit? spec, TimeProvider time, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (spec is not { RequestsPerUnit: > 0 } limit)
        {
            return null;
        }

        var unit = limit.Unit switch
        {
            null or "" or "Second" => TimeSpan.FromSeconds(1),
            "Minute" => TimeSpan.FromMinutes(1),
            "Hour" => TimeSpan.FromHours(1),
            var other => throw new ArgumentException($"{fieldPath}.unit must be Second, Minute or Hour, not '{other}'."),
        };
        return new TriggerRateLimiter(unit / limit.RequestsPerUnit!.Value, time);
    }

    /// <summary>The spacing between permits.</summary>
    public TimeSpan Interval => _interval;

    /// <summary>Waits for the next permit.</summary>
    public Task TakeAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var intervalTicks = (long)(_interval.TotalSeconds * _time.TimestampFrequency);
            var earliest = now - (Slack * intervalTicks);
            if (_nextTimestamp < earliest)
            {
                _nextTimestamp = earliest;
            }

            var permit = _nextTimestamp;
            _nextTimestamp += intervalTicks;
            wait = permit > now ? _time.GetElapsedTime(now, permit) : TimeSpan.Zero;
        }

        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, _time, cancellationToken);
    }
}
