namespace ArgoEvents.EventSources.Sources.Redis;

/// <summary>
/// The wait before connecting again after a Redis connection was lost or could not be opened: 250 ms doubling up to
/// 5 s, with up to a quarter more at random so replicas do not reconnect in step.
/// </summary>
internal static class RedisRetryDelay
{
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan After(int attempt)
    {
        var milliseconds = Math.Min(Max.TotalMilliseconds, 250 * Math.Pow(2, Math.Clamp(attempt - 1, 0, 10)));
        return TimeSpan.FromMilliseconds(milliseconds * (1 + (Random.Shared.NextDouble() / 4)));
    }
}
