namespace ArgoEvents.EventSources.Sources.Calendar;

/// <summary>
/// A tick every <c>interval</c>, at whole multiples of the interval counted from the Unix epoch (UTC). Argo starts
/// its interval at the moment the process starts; aligning to the epoch instead makes the ticks the same on every
/// replica and across restarts, which is what lets a failover neither skip nor repeat one.
/// </summary>
public sealed class IntervalTickSchedule : ITickSchedule
{
    private readonly long _intervalTicks;

    /// <summary>Creates the schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive.</exception>
    public IntervalTickSchedule(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Interval = interval;
        _intervalTicks = interval.Ticks;
    }

    /// <summary>The interval.</summary>
    public TimeSpan Interval { get; }

    /// <inheritdoc />
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var sinceEpoch = after.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var completed = Math.DivRem(sinceEpoch, _intervalTicks, out var remainder);
        if (remainder < 0)
        {
            completed--;
        }

        var nextTicks = DateTimeOffset.UnixEpoch.UtcTicks + ((completed + 1) * _intervalTicks);
        return nextTicks > DateTimeOffset.MaxValue.UtcTicks ? null : new DateTimeOffset(nextTicks, TimeSpan.Zero);
    }
}
